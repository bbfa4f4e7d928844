import { epochDay, formatLocalDate, fromEpochDay, isoDayOfWeek, parseLocalDate, type LocalDate } from './local-date';

/**
 * Norwegian working days for dagsverk (handbook §9.1): Monday to Friday except public holidays
 * (helligdager and the two official flag days 1 and 17 May). Christmas Eve and New Year's Eve are ordinary weekdays.
 */

export interface PublicHoliday {
  readonly date: LocalDate;
  readonly name: string;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
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
  return formatLocalDate({ year, month, day });
}

/** The year's public holidays in date order. Easter and Whit Sunday are listed although they never fall on a weekday. */
export function norwegianPublicHolidays(year: number): readonly PublicHoliday[] {
  const easter = epochDay(easterSunday(year));
  const fixed = (month: number, day: number, name: string): PublicHoliday => ({ date: formatLocalDate({ year, month, day }), name });
  const fromEaster = (days: number, name: string): PublicHoliday => ({ date: fromEpochDay(easter + days), name });
  return [
    fixed(1, 1, 'Første nyttårsdag'),
    fromEaster(-3, 'Skjærtorsdag'),
    fromEaster(-2, 'Langfredag'),
    fromEaster(0, 'Første påskedag'),
    fromEaster(1, 'Andre påskedag'),
    fixed(5, 1, 'Offentlig høytidsdag'),
    fixed(5, 17, 'Grunnlovsdag'),
    fromEaster(39, 'Kristi himmelfartsdag'),
    fromEaster(49, 'Første pinsedag'),
    fromEaster(50, 'Andre pinsedag'),
    fixed(12, 25, 'Første juledag'),
    fixed(12, 26, 'Andre juledag'),
  ].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

// Ascension can fall on 1 May (2008) and Whit Monday on 17 May (2027); a set keeps such a day from counting twice.
const weekdayHolidaysByYear = new Map<number, readonly number[]>();

/** Epoch days of the year's holidays that fall on Monday–Friday, ascending and distinct. */
function weekdayHolidays(year: number): readonly number[] {
  let days = weekdayHolidaysByYear.get(year);
  if (!days) {
    days = [...new Set(norwegianPublicHolidays(year).filter((h) => isoDayOfWeek(h.date) <= 5).map((h) => epochDay(h.date)))].sort((a, b) => a - b);
    weekdayHolidaysByYear.set(year, days);
  }
  return days;
}

export function isPublicHoliday(date: LocalDate): boolean {
  return norwegianPublicHolidays(parseLocalDate(date).year).some((holiday) => holiday.date === date);
}

export function isWorkday(date: LocalDate): boolean {
  return isoDayOfWeek(date) <= 5 && !isPublicHoliday(date);
}

/** Working days from `fom` to `tom`, both included; 0 when `tom` is before `fom`. */
export function countWorkdays(fom: LocalDate, tom: LocalDate): number {
  return countWorkdaysBetweenEpochDays(epochDay(fom), epochDay(tom));
}

/** As `countWorkdays`, on epoch days, for the dagsverk loops. */
export function countWorkdaysBetweenEpochDays(fom: number, tom: number): number {
  if (tom < fom) return 0;
  let holidays = 0;
  for (let year = yearOfEpochDay(fom); year <= yearOfEpochDay(tom); year++) {
    for (const day of weekdayHolidays(year)) if (day >= fom && day <= tom) holidays++;
  }
  return weekdaysBefore(tom + 1) - weekdaysBefore(fom) - holidays;
}

// Epoch days 0–6 run Thursday to Wednesday: how many of the first r are Monday–Friday.
const WEEKDAYS_IN_FIRST_DAYS_OF_WEEK = [0, 1, 2, 2, 2, 3, 4] as const;

/** Monday–Friday days among epoch days [0, n) — negative for n < 0 — so a range count is a difference. */
function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7);
  return 5 * weeks + WEEKDAYS_IN_FIRST_DAYS_OF_WEEK[n - 7 * weeks]!;
}

// 1 January of each year met so far, as an epoch day: the dagsverk loops ask for the year of every piece they weigh.
const firstDayOfYear = new Map<number, number>();

function yearStart(year: number): number {
  let day = firstDayOfYear.get(year);
  if (day === undefined) {
    day = epochDay(formatLocalDate({ year, month: 1, day: 1 }));
    firstDayOfYear.set(year, day);
  }
  return day;
}

function yearOfEpochDay(day: number): number {
  // The mean Gregorian year gets within one year; the year starts settle it.
  let year = 1970 + Math.floor(day / 365.2425);
  while (day < yearStart(year)) year--;
  while (day >= yearStart(year + 1)) year++;
  return year;
}
