import { addDays, epochDay, fromEpochDay, isoDayOfWeek, parseLocalDate, type LocalDate } from '@syfo/local-date';

/**
 * Norway's public holidays (helligdager, and 1 and 17 May) in a year. Christmas Eve and New Year's
 * Eve are ordinary weekdays (handbook §9.1). Kept minimal on purpose: the statistics service writes
 * its own, and the two are to be merged into a lib.
 */
export function norwegianPublicHolidays(year: number): LocalDate[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return [
    fixed(1, 1),
    addDays(easter, -3), // skjærtorsdag
    addDays(easter, -2), // langfredag
    easter,
    addDays(easter, 1), // 2. påskedag
    fixed(5, 1),
    fixed(5, 17),
    addDays(easter, 39), // Kristi himmelfartsdag
    addDays(easter, 49), // 1. pinsedag
    addDays(easter, 50), // 2. pinsedag
    fixed(12, 25),
    fixed(12, 26),
  ].sort();
}

/** Western (Gregorian) Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Working days (Monday–Friday that are not public holidays) over a fixed range of dates, counted in
 * O(1) for any interval from prefix sums. Mulige and tapte dagsverk both count these days (§9.1).
 */
export class WorkdayCalendar {
  public readonly firstDay: number;
  public readonly lastDay: number;
  private readonly prefix: Int32Array;

  public constructor(first: LocalDate, last: LocalDate) {
    this.firstDay = epochDay(first);
    this.lastDay = epochDay(last);
    const { year: firstYear } = parseLocalDate(first);
    const { year: lastYear } = parseLocalDate(last);
    const holidays = new Set<number>();
    for (let year = firstYear; year <= lastYear; year += 1) norwegianPublicHolidays(year).forEach((date) => holidays.add(epochDay(date)));
    this.prefix = new Int32Array(this.lastDay - this.firstDay + 2);
    for (let day = this.firstDay; day <= this.lastDay; day += 1) {
      const working = isoDayOfWeek(fromEpochDay(day)) <= 5 && !holidays.has(day);
      this.prefix[day - this.firstDay + 1] = this.prefix[day - this.firstDay]! + (working ? 1 : 0);
    }
  }

  /** Working days in [from, to] (epoch days, inclusive), counting only the part inside the calendar's range. */
  public count(from: number, to: number): number {
    const start = from > this.firstDay ? from : this.firstDay;
    const end = to < this.lastDay ? to : this.lastDay;
    if (end < start) return 0;
    return this.prefix[end - this.firstDay + 1]! - this.prefix[start - this.firstDay]!;
  }
}
