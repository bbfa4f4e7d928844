import { epochDay } from '@syfo/local-date';

import { WorkdayCalendar } from './workday.calendar';

describe('WorkdayCalendar', () => {
  const calendar = new WorkdayCalendar('2024-01-01', '2025-12-31');
  const count = (from: string, to: string) => calendar.count(epochDay(from), epochDay(to));

  it('counts the working days of a whole year', () => {
    // 2024: 262 weekdays, 10 holidays on weekdays (Jan 1, Mar 28, Mar 29, Apr 1, May 1, May 9, May 17, May 20, Dec 25, Dec 26).
    expect(count('2024-01-01', '2024-12-31')).toBe(252);
    // 2025: 261 weekdays, 9 holidays on weekdays (17 May is a Saturday).
    expect(count('2025-01-01', '2025-12-31')).toBe(252);
  });

  it('counts a quarter with Easter, Ascension and Whit Monday in it', () => {
    // April 22 − 3, May 22 − 2, June 21 − 1.
    expect(count('2025-04-01', '2025-06-30')).toBe(59);
  });

  it('skips holidays and weekends, and counts the days around them', () => {
    expect(count('2025-04-16', '2025-04-16')).toBe(1); // Wednesday before Easter
    expect(count('2025-04-17', '2025-04-21')).toBe(0); // skjærtorsdag to 2. påskedag
    expect(count('2025-04-22', '2025-04-22')).toBe(1);
    expect(count('2025-12-24', '2025-12-24')).toBe(1); // Christmas Eve is an ordinary weekday
    expect(count('2025-12-31', '2025-12-31')).toBe(1); // so is New Year's Eve
    expect(count('2025-04-14', '2025-04-27')).toBe(7);
  });

  it('counts only inside its range, and nothing for an empty interval', () => {
    expect(count('2023-12-25', '2024-01-02')).toBe(1); // only 2024-01-02 is inside
    expect(count('2025-12-31', '2026-01-05')).toBe(1);
    expect(count('2025-05-02', '2025-05-01')).toBe(0);
  });
});
