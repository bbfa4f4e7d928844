/**
 * Calendar dates without a time zone ("LocalDate"), as ISO 'YYYY-MM-DD' strings at the edges and integer
 * epoch days (days since 1970-01-01) inside loops. Pure integer arithmetic (Hinnant's civil-date algorithms),
 * so no result can depend on the host time zone or on DST.
 */
export type LocalDate = string;

export interface YearMonthDay {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Strict: rejects anything but a real calendar date in 'YYYY-MM-DD' form (no times, no '2025-02-30'). */
export function parseLocalDate(date: LocalDate): YearMonthDay {
  const match = ISO_DATE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw new RangeError(`Not an ISO local date (YYYY-MM-DD): '${date}'`);
}

export function formatLocalDate({ year, month, day }: YearMonthDay): LocalDate {
  if (year < 0 || year > 9999) throw new RangeError(`Year outside 0000–9999: ${year}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysFromCivil({ year, month, day }: YearMonthDay): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1; // year starts in March
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(epochDays: number): YearMonthDay {
  const z = epochDays + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days since 1970-01-01 (negative before). */
export function epochDay(date: LocalDate): number {
  return daysFromCivil(parseLocalDate(date));
}

export function fromEpochDay(epochDays: number): LocalDate {
  if (!Number.isSafeInteger(epochDays)) throw new RangeError(`Not a whole epoch day: ${epochDays}`);
  return formatLocalDate(civilFromDays(epochDays));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(epochDay(date) + days);
}

/**
 * Calendar-month arithmetic as java.time's `plusMonths`/`minusMonths`: the day is clamped to the target
 * month's length (2028-02-29 minus 36 months is 2025-02-28), which is what §3.5 requires for the 36-month window.
 */
export function addMonthsClamped(date: LocalDate, months: number): LocalDate {
  if (!Number.isSafeInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  const { year, month, day } = parseLocalDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatLocalDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** ISO day of week: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoDayOfWeek(date: LocalDate): number {
  return ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return epochDay(to) - epochDay(from);
}

/** The Monday of the ISO week the date falls in. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoDayOfWeek(date));
}

/** ISO-8601 week as 'YYYY-Www' (the week-based year can differ from the calendar year at new year). */
export function isoWeekOf(date: LocalDate): string {
  const thursday = addDays(date, 4 - isoDayOfWeek(date));
  const year = parseLocalDate(thursday).year;
  const week = Math.floor(daysBetween(`${String(year).padStart(4, '0')}-01-01`, thursday) / 7) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** The calendar quarter as 'YYYY-Qn'. */
export function quarterOf(date: LocalDate): string {
  const { year, month } = parseLocalDate(date);
  return `${String(year).padStart(4, '0')}-Q${Math.ceil(month / 3)}`;
}

/** The calendar date in Europe/Oslo, where the domain's dates live, of an instant. */
export function osloDate(instant: Date): LocalDate {
  return OSLO_DATE.format(instant);
}

// Built once: constructing a formatter costs about half a millisecond.
const OSLO_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The later of two dates. */
export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

/** The earlier of two dates. */
export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}
