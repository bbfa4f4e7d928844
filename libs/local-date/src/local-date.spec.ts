import fc from 'fast-check';

import {
  addDays,
  addMonthsClamped,
  daysBetween,
  epochDay,
  formatLocalDate,
  fromEpochDay,
  isoDayOfWeek,
  isoWeekOf,
  mondayOf,
  osloDate,
  parseLocalDate,
  quarterOf,
} from './local-date';

const MS_PER_DAY = 86_400_000;
const FIRST = new Date('0001-01-01T00:00:00Z');
const LAST = new Date('9999-12-31T00:00:00Z');

describe('local dates', () => {
  it('counts epoch days like Date over years 0001–9999', () => {
    fc.assert(
      fc.property(fc.date({ min: FIRST, max: LAST, noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const expected = Math.floor(date.getTime() / MS_PER_DAY);
        expect(epochDay(iso)).toBe(expected);
        expect(fromEpochDay(expected)).toBe(iso);
      }),
    );
  });

  it('knows a few fixed points', () => {
    expect(epochDay('1970-01-01')).toBe(0);
    expect(epochDay('1969-12-31')).toBe(-1);
    expect(epochDay('2000-03-01') - epochDay('2000-02-28')).toBe(2); // 2000 is a leap year
    expect(epochDay('1900-03-01') - epochDay('1900-02-28')).toBe(1); // 1900 is not
  });

  it('adds days across months and years', () => {
    expect(addDays('2025-01-06', 15)).toBe('2025-01-21');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('adds calendar months with the day clamped to the month’s length', () => {
    expect(addMonthsClamped('2028-02-29', -36)).toBe('2025-02-28');
    expect(addMonthsClamped('2028-02-29', -48)).toBe('2024-02-29');
    expect(addMonthsClamped('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonthsClamped('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonthsClamped('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonthsClamped('2025-01-15', -13)).toBe('2023-12-15');
    expect(addMonthsClamped('2025-01-15', 0)).toBe('2025-01-15');
  });

  it('parses and formats year, month and day', () => {
    expect(parseLocalDate('0042-07-09')).toEqual({ year: 42, month: 7, day: 9 });
    expect(formatLocalDate({ year: 42, month: 7, day: 9 })).toBe('0042-07-09');
  });

  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-01', '2025-01-01T00:00Z', '', '01.01.2025'])(
    'rejects %j',
    (input) => expect(() => epochDay(input)).toThrow(RangeError),
  );
});

describe('weeks, quarters and Oslo dates', () => {
  it.each([
    ['2025-01-06', 1, '2025-W02'], // Monday
    ['2025-01-05', 7, '2025-W01'], // Sunday
    ['2024-12-30', 1, '2025-W01'], // week-based year runs ahead of the calendar year
    ['2021-01-03', 7, '2020-W53'], // and behind it
    ['2026-11-23', 1, '2026-W48'],
  ])('%s is ISO weekday %i in %s', (date, weekday, week) => {
    expect(isoDayOfWeek(date)).toBe(weekday);
    expect(isoWeekOf(date)).toBe(week);
    expect(mondayOf(date) <= date && daysBetween(mondayOf(date), date)).toBe(weekday - 1);
  });

  it.each([
    ['2025-01-01', '2025-Q1'],
    ['2025-03-31', '2025-Q1'],
    ['2025-04-01', '2025-Q2'],
    ['2025-09-30', '2025-Q3'],
    ['2025-10-01', '2025-Q4'],
    ['2025-12-31', '2025-Q4'],
  ])('%s is in %s', (date, quarter) => {
    expect(quarterOf(date)).toBe(quarter);
  });

  it('takes the calendar date in Oslo, not in UTC', () => {
    expect(osloDate(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01'); // summer time, UTC+2
    expect(osloDate(new Date('2025-12-31T22:59:59Z'))).toBe('2025-12-31'); // winter time, UTC+1
    expect(osloDate(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01-01');
  });
});
