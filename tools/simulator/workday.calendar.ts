import { epochDay, fromEpochDay, isoDayOfWeek, norwegianPublicHolidays, parseLocalDate, type LocalDate } from '@syfo/local-date';

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
    for (let year = firstYear; year <= lastYear; year += 1) norwegianPublicHolidays(year).forEach((holiday) => holidays.add(epochDay(holiday.date)));
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
