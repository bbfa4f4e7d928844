import type { Sektor } from '@syfo/contracts';

import { formatTable, MUNICIPAL_CHECK, NATIONAL_CHECK, PUBLISHED, seasonalCheck, STATE_CHECK, toleranceBounds, type BoundedCheck, type CalibrationReport, type CalibrationRow } from './calibration';

/** One quarter of one series as the statistics service reports it; numbers absent when masked. */
export interface ServiceQuarter {
  /** YYYY-Qn. */
  readonly quarter: string;
  readonly masked: boolean;
  /** Exact decimal text. */
  readonly tapteDagsverk?: string;
  readonly muligeDagsverk?: string;
}

/** What the statistics service published for the simulated years: LAND and each sektor, quarter by quarter. */
export interface ServiceFigures {
  readonly land: readonly ServiceQuarter[];
  readonly sektor: Readonly<Partial<Record<Sektor, readonly ServiceQuarter[]>>>;
}

export interface StatisticsCheckRow {
  readonly target: string;
  readonly published: string;
  readonly simulated: string;
  readonly service: string;
  readonly tolerance: string;
  readonly ok: boolean;
  /** Why it failed, when it did. */
  readonly reason?: string;
}

export interface StatisticsCheckReport {
  readonly rows: readonly StatisticsCheckRow[];
  readonly ok: boolean;
}

/**
 * The statistics service must agree with the simulator this closely on the national figure (percentage points). Both
 * implement §9.1 on the same documents (working days × stillingsprosent × grade, legemeldt, the newest version of a
 * note); no difference in definition is known: seed 1, vest-viken 2024 gave 5.695229192302 % in both.
 */
export const NATIONAL_AGREEMENT_PP = 0.2;
// The service is held to calibration.ts's own checks and tolerance rule, imported, never restated.
const NATIONAL = NATIONAL_CHECK;
const MUNICIPAL = MUNICIPAL_CHECK;
const STATE = STATE_CHECK;

/** A non-negative decimal text as an integer count of 10^-scale units. */
function parseDecimal(text: string): { readonly units: bigint; readonly scale: number } {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`not a decimal: ${text}`);
  const fraction = match[2] ?? '';
  return { units: BigInt(match[1]! + fraction), scale: fraction.length };
}

/** The exact sum of decimal texts, as decimal text. */
export function sumDecimals(texts: readonly string[]): string {
  const parsed = texts.map(parseDecimal);
  const scale = Math.max(0, ...parsed.map((value) => value.scale));
  const total = parsed.reduce((acc, value) => acc + value.units * 10n ** BigInt(scale - value.scale), 0n);
  if (scale === 0) return total.toString();
  const digits = total.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/**
 * Handbook §9.1: sum tapte / sum mulige dagsverk × 100 over the quarters, summed exactly before the one division. NaN
 * when a quarter is missing or masked (there is nothing to compare), or when there are no mulige dagsverk.
 */
export function sickLeavePercent(figures: readonly ServiceQuarter[], quarters: readonly string[]): number {
  const chosen = quarters.map((quarter) => figures.find((figure) => figure.quarter === quarter));
  if (chosen.some((figure) => !figure || figure.masked || figure.tapteDagsverk === undefined || figure.muligeDagsverk === undefined)) return Number.NaN;
  const tapte = Number(sumDecimals(chosen.map((figure) => figure!.tapteDagsverk!)));
  const mulige = Number(sumDecimals(chosen.map((figure) => figure!.muligeDagsverk!)));
  return mulige > 0 ? (100 * tapte) / mulige : Number.NaN;
}

export function quartersOf(years: readonly number[], quarter?: number): string[] {
  return years.flatMap((year) => (quarter ? [quarter] : [1, 2, 3, 4]).map((q) => `${year}-Q${q}`));
}

/**
 * Each figure the statistics service publishes that calibration.ts also checks, held to the simulator's tolerance of
 * the target (3-SE widening from the simulator's own sample: the service measures the same persons), and the national
 * figure besides to within NATIONAL_AGREEMENT_PP of the simulator's value: both implement §9.1 on the same documents.
 */
export function compareWithService(report: CalibrationReport, service: ServiceFigures, years: readonly number[]): StatisticsCheckReport {
  const row = (target: string): CalibrationRow => {
    const found = report.rows.find((candidate) => candidate.target === target);
    if (!found) throw new Error(`the calibration report has no row '${target}'`);
    return found;
  };
  const allQuarters = quartersOf(years);
  const national = sickLeavePercent(service.land, allQuarters);
  const sektorRate = (sektor: Sektor) => sickLeavePercent(service.sektor[sektor] ?? [], allQuarters);
  const overall = row('sick-leave %, all years');
  const rows: StatisticsCheckRow[] = [];
  const check = (target: string, source: CalibrationRow, rule: BoundedCheck, simulated: number, value: number, digits: number, agreement?: number) => {
    const bounds = toleranceBounds(rule, source.standardError);
    const inside = (candidate: number) => candidate >= bounds.low - 1e-12 && candidate <= bounds.high + 1e-12;
    // Only rows whose value calibration.ts itself checks can confirm the bounds are its own.
    if (source.ok !== undefined && source.value === simulated && inside(simulated) !== source.ok) throw new Error(`tolerance of '${target}' disagrees with calibration.ts`);
    const show = (candidate: number) => (Number.isFinite(candidate) ? candidate.toFixed(digits) : 'n/a (masked or missing)');
    const reasons = [
      ...(inside(simulated) ? [] : ['simulator outside tolerance']),
      ...(inside(value) ? [] : ['service outside tolerance']),
      ...(agreement !== undefined && !(Math.abs(value - simulated) <= agreement + 1e-12) ? [`service more than ${agreement} pp from simulator`] : []),
    ];
    const published = rule.kind === 'range' ? `${rule.low.toFixed(digits)}–${rule.high.toFixed(digits)}` : rule.published.toFixed(digits);
    const tolerance = `${bounds.low.toFixed(digits)}–${bounds.high.toFixed(digits)}${bounds.widened ? ' (3 SE)' : ''}${agreement !== undefined ? `; ± ${agreement} pp of sim.` : ''}`;
    rows.push({ target, published, simulated: show(simulated), service: show(value), tolerance, ok: reasons.length === 0, ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}) });
  };
  // A single year's standard error is not in the report; the all-years one is used, which is the same for one year.
  for (const year of years) check(`sick-leave % ${year}`, overall, NATIONAL, row(`sick-leave % ${year}`).value, sickLeavePercent(service.land, quartersOf([year])), 2, NATIONAL_AGREEMENT_PP);
  if (years.length > 1) check('sick-leave %, all years', overall, NATIONAL, overall.value, national, 2, NATIONAL_AGREEMENT_PP);
  PUBLISHED.seasonalIndex.forEach((index, q) => {
    const source = row(`seasonal index Q${q + 1}`);
    check(source.target, source, seasonalCheck(index), source.value, sickLeavePercent(service.land, quartersOf(years, q + 1)) / national, 3);
  });
  const municipal = row('municipal / private');
  check(municipal.target, municipal, MUNICIPAL, municipal.value, sektorRate('KOMMUNAL') / sektorRate('PRIVAT'), 3);
  const state = row('state / private');
  check(state.target, state, STATE, state.value, sektorRate('STATLIG') / sektorRate('PRIVAT'), 3);
  return { rows, ok: rows.every((candidate) => candidate.ok) };
}

export function formatStatisticsCheck(report: StatisticsCheckReport): string {
  return formatTable(
    ['target', 'published', 'simulator', 'statistics service', 'tolerance', 'result'],
    report.rows.map((row) => [row.target, row.published, row.simulated, row.service, row.tolerance, row.ok ? 'OK' : `NOT OK (${row.reason})`]),
    report.ok ? 'The statistics service agrees with the targets.' : 'Some checks failed.',
  );
}
