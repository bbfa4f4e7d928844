import { epochDay, fromEpochDay, parseLocalDate, type LocalDate } from '@syfo/local-date';

/**
 * ISO dates and months for a range of epoch days, computed once and looked up both ways: a national
 * population formats and reads tens of millions of dates. Days outside the range still work, slower.
 */
export class DateCache {
  private readonly isoDates: string[];
  private readonly months: Uint8Array;
  private readonly days: Map<string, number>;

  public constructor(
    private readonly first: number,
    last: number,
  ) {
    this.isoDates = Array.from({ length: last - first + 1 }, (_, i) => fromEpochDay(first + i));
    this.months = Uint8Array.from(this.isoDates, (date) => parseLocalDate(date).month);
    this.days = new Map(this.isoDates.map((date, i) => [date, first + i]));
  }

  public iso(day: number): LocalDate {
    return this.isoDates[day - this.first] ?? fromEpochDay(day);
  }

  /** The epoch day of an ISO date. */
  public day(date: LocalDate): number {
    return this.days.get(date) ?? epochDay(date);
  }

  public month(day: number): number {
    return this.months[day - this.first] ?? parseLocalDate(fromEpochDay(day)).month;
  }

  /** An instant on a day, `minutes` after midnight (0–1439), as ISO 8601 in UTC. */
  public instant(day: number, minutes: number): string {
    return `${this.iso(day)}T${TIMES_OF_DAY[minutes]}:00Z`;
  }
}

const TIMES_OF_DAY = Array.from({ length: 24 * 60 }, (_, minutes) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
