import { isIsoWeek, isoWeeksBetween, mondayOfIsoWeek, sameWeekPreviousYear, sundayOfIsoWeek } from './iso-week.util';

describe('ISO weeks', () => {
  it('finds the Monday of a week, also when it lies in the previous calendar year', () => {
    // 2025-01-01 is a Wednesday, so week 1 begins on Monday 2024-12-30; week 34 is 33 weeks later.
    expect(mondayOfIsoWeek('2025-W01')).toBe('2024-12-30');
    expect(mondayOfIsoWeek('2025-W34')).toBe('2025-08-18');
    expect(sundayOfIsoWeek('2025-W34')).toBe('2025-08-24');
    expect(mondayOfIsoWeek('2020-W53')).toBe('2020-12-28');
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
  });

  it('refuses what is not a week, and week 53 of a 52-week year', () => {
    expect(mondayOfIsoWeek('2025-W53')).toBeNull();
    expect(mondayOfIsoWeek('2025-W00')).toBeNull();
    expect(mondayOfIsoWeek('2025-W54')).toBeNull();
    expect(isIsoWeek('2025-34')).toBe(false);
    expect(isIsoWeek('2025-W1')).toBe(false);
    expect(isIsoWeek('2025-W52')).toBe(true);
    expect(() => sundayOfIsoWeek('2025-W53')).toThrow(RangeError);
  });

  it('lists the weeks between two, across the turn of the year', () => {
    expect(isoWeeksBetween('2020-W52', '2021-W02')).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    expect(isoWeeksBetween('2025-W10', '2025-W10')).toEqual(['2025-W10']);
    expect(isoWeeksBetween('2025-W11', '2025-W10')).toEqual([]);
  });

  it('takes the same week one year back, and none for week 53 when that year has only 52', () => {
    expect(sameWeekPreviousYear('2025-W34')).toBe('2024-W34');
    expect(sameWeekPreviousYear('2021-W01')).toBe('2020-W01');
    expect(sameWeekPreviousYear('2026-W53')).toBeNull();
    expect(sameWeekPreviousYear('2020-W53')).toBeNull();
  });
});
