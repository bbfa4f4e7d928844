import fc from 'fast-check';

import { addDays, addMonthsClamped, epochDay, fromEpochDay } from './local-date';
import { countWorkdays, easterSunday, isPublicHoliday, isWorkday, norwegianPublicHolidays } from './norwegian-workdays';

/** 'YYYY-Qn' → its first and last day. */
function workdaysInQuarter(quarter: string): number {
  const start = `${quarter.slice(0, 4)}-${String((Number(quarter.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return countWorkdays(start, addDays(addMonthsClamped(start, 3), -1));
}

describe('Easter Sunday (anonymous Gregorian algorithm)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2000, '2000-04-23'],
    [2038, '2038-04-25'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
  ])('%i: %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('Norwegian public holidays', () => {
  it('lists 2025’s twelve holidays in date order', () => {
    expect(norwegianPublicHolidays(2025).map((holiday) => holiday.date)).toEqual([
      '2025-01-01',
      '2025-04-17', // Maundy Thursday = Easter − 3
      '2025-04-18', // Good Friday
      '2025-04-20', // Easter Sunday
      '2025-04-21', // Easter Monday
      '2025-05-01',
      '2025-05-17',
      '2025-05-29', // Ascension = Easter + 39
      '2025-06-08', // Whit Sunday = Easter + 49
      '2025-06-09', // Whit Monday = Easter + 50
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('treats Christmas Eve and New Year’s Eve as ordinary weekdays', () => {
    expect(isPublicHoliday('2024-12-24')).toBe(false);
    expect(isWorkday('2024-12-24')).toBe(true); // Tuesday
    expect(isWorkday('2024-12-31')).toBe(true); // Tuesday
    expect(isWorkday('2024-12-25')).toBe(false);
  });

  it('knows the day before, on and after 17 May 2024 (a Friday)', () => {
    expect(isWorkday('2024-05-16')).toBe(true);
    expect(isWorkday('2024-05-17')).toBe(false);
    expect(isWorkday('2024-05-18')).toBe(false); // Saturday
  });
});

describe('counting working days', () => {
  it.each([
    // 2024-01-01 is a Monday; Q1 has 91 days = 13 weeks = 65 weekdays, minus 1 Jan, Maundy Thursday 28 Mar and
    // Good Friday 29 Mar → 62.
    ['2024-Q1', 62],
    // 1 Apr (Mon) – 30 Jun: 13 weeks = 65, minus Easter Monday 1 Apr, 1 May (Wed), Ascension 9 May (Thu),
    // 17 May (Fri), Whit Monday 20 May → 60.
    ['2024-Q2', 60],
    // 1 Jul (Mon) – 30 Sep: 13 weeks + Monday 30 Sep = 66, no holidays.
    ['2024-Q3', 66],
    // 1 Oct (Tue) – 31 Dec: 13 weeks + Tuesday 31 Dec = 66, minus 25 (Wed) and 26 Dec (Thu) → 64.
    ['2024-Q4', 64],
    // 1 Apr 2025 (Tue) – 30 Jun: 65, minus 17, 18, 21 Apr, 1 May (Thu), 29 May, 9 Jun; 17 May is a Saturday → 59.
    ['2025-Q2', 59],
    // 1 Apr 2026 (Wed) – 30 Jun: 65, minus 2, 3, 6 Apr, 1 May (Fri), 14 May, 25 May; 17 May is a Sunday → 59.
    ['2026-Q2', 59],
  ])('%s has %i working days', (quarter, expected) => {
    expect(workdaysInQuarter(quarter)).toBe(expected);
  });

  it('gives 2024 as a whole 252 days: 262 weekdays (52 weeks + Mon 30 and Tue 31 Dec) minus 10 weekday holidays', () => {
    expect(countWorkdays('2024-01-01', '2024-12-31')).toBe(252);
  });

  it('counts Christmas week 2024 as three days: Mon 23, Tue 24 and Fri 27', () => {
    expect(countWorkdays('2024-12-23', '2024-12-29')).toBe(3);
  });

  it('does not subtract a day twice when two holidays coincide', () => {
    expect(countWorkdays('2008-04-28', '2008-05-02')).toBe(4); // Ascension 2008 is 1 May
    expect(countWorkdays('2027-05-17', '2027-05-21')).toBe(4); // Whit Monday 2027 is 17 May
  });

  it('gives 0 for a holiday, a weekend and a reversed range', () => {
    expect(countWorkdays('2024-12-25', '2024-12-26')).toBe(0);
    expect(countWorkdays('2024-03-30', '2024-03-31')).toBe(0);
    expect(countWorkdays('2024-01-10', '2024-01-09')).toBe(0);
  });

  it('agrees with a day-by-day count over any range', () => {
    fc.assert(
      fc.property(fc.integer({ min: epochDay('1999-12-01'), max: epochDay('2031-01-31') }), fc.integer({ min: 0, max: 800 }), (start, length) => {
        const fom = fromEpochDay(start);
        const tom = addDays(fom, length);
        let expected = 0;
        for (let day = 0; day <= length; day++) if (isWorkday(addDays(fom, day))) expected++;
        expect(countWorkdays(fom, tom)).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });
});
