import { addDays, daysBetween, isoWeekOf, mondayOf, type LocalDate } from '@syfo/local-date';

/** An ISO-8601 week as `isoWeekOf` (@syfo/local-date) writes it: 'YYYY-Www'. Such strings sort in time order. */
export type IsoWeek = string;

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The Monday of an ISO week, or null when the text is no week or names one the year lacks (W53 in a 52-week year). */
export function mondayOfIsoWeek(week: IsoWeek): LocalDate | null {
  const match = ISO_WEEK.exec(week);
  if (!match) return null;
  // 4 January is always in week 1 of its ISO year.
  const monday = addDays(mondayOf(`${match[1]}-01-04`), (Number(match[2]) - 1) * 7);
  return Number(match[2]) >= 1 && isoWeekOf(monday) === week ? monday : null;
}

export function isIsoWeek(text: string): boolean {
  return mondayOfIsoWeek(text) !== null;
}

function mondayOrThrow(week: IsoWeek): LocalDate {
  const monday = mondayOfIsoWeek(week);
  if (monday === null) throw new RangeError(`Not an ISO week (YYYY-Www): '${week}'`);
  return monday;
}

export function sundayOfIsoWeek(week: IsoWeek): LocalDate {
  return addDays(mondayOrThrow(week), 6);
}

/** Every week from `from` to `to`, both included; empty when `to` is before `from`. */
export function isoWeeksBetween(from: IsoWeek, to: IsoWeek): IsoWeek[] {
  const first = mondayOrThrow(from);
  const count = Math.floor(daysBetween(first, mondayOrThrow(to)) / 7) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, index) => isoWeekOf(addDays(first, index * 7)));
}

/** The week with the same number one ISO year earlier; null for week 53 when that year has only 52. */
export function sameWeekPreviousYear(week: IsoWeek): IsoWeek | null {
  mondayOrThrow(week);
  const previous = `${String(Number(week.slice(0, 4)) - 1).padStart(4, '0')}${week.slice(4)}`;
  return isIsoWeek(previous) ? previous : null;
}
