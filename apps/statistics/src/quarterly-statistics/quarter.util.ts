import { addDays, formatLocalDate, parseLocalDate, type LocalDate } from '@syfo/local-date';

/** A calendar quarter as `quarterOf` (@syfo/local-date) writes it: 'YYYY-Qn'. */
export type Quarter = string;

const QUARTER = /^(\d{4})-Q([1-4])$/;

export interface YearQuarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

export function parseQuarter(value: Quarter): YearQuarter {
  const match = QUARTER.exec(value);
  if (!match) throw new RangeError(`Not a quarter (YYYY-Qn): '${value}'`);
  return { year: Number(match[1]), quarter: Number(match[2]) as YearQuarter['quarter'] };
}

export function formatQuarter(year: number, quarter: number): Quarter {
  if (!Number.isInteger(year) || year < 0 || year > 9999 || !Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new RangeError(`Not a quarter: year ${year}, quarter ${quarter}`);
  }
  return `${String(year).padStart(4, '0')}-Q${quarter}`;
}

export function addQuarters(value: Quarter, quarters: number): Quarter {
  const { year, quarter } = parseQuarter(value);
  const index = year * 4 + (quarter - 1) + quarters;
  return formatQuarter(Math.floor(index / 4), (index % 4) + 1);
}

export function quarterStart(value: Quarter): LocalDate {
  const { year, quarter } = parseQuarter(value);
  return formatLocalDate({ year, month: quarter * 3 - 2, day: 1 });
}

export function quarterEnd(value: Quarter): LocalDate {
  return addDays(quarterStart(addQuarters(value, 1)), -1);
}

/** Every quarter from `from` to `to`, both included, oldest first (empty when `to` is before `from`). */
export function quartersBetween(from: Quarter, to: Quarter): Quarter[] {
  parseQuarter(to);
  const quarters: Quarter[] = [];
  // 'YYYY-Qn' strings sort chronologically.
  for (let quarter = from; quarter <= to; quarter = addQuarters(quarter, 1)) quarters.push(quarter);
  return quarters;
}

/**
 * The quarters kept (handbook §9.1: five years of history): whole years, the current one included, so the window
 * moves once a year and a full recomputation then brings every person onto it.
 */
export function historyWindow(today: LocalDate, historyYears: number): { readonly fromQuarter: Quarter; readonly toQuarter: Quarter } {
  const { year } = parseLocalDate(today);
  return { fromQuarter: formatQuarter(year - historyYears, 1), toQuarter: formatQuarter(year, 4) };
}
