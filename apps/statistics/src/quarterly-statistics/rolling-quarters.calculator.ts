import { addSums, ZERO_SUMS, type MicroDagsverk } from './dagsverk.calculator';
import type { Decimal } from './decimal.util';
import { MIN_PERSONS_SHOWN, type MaskReason } from './masking.policy';
import { addQuarters, quartersBetween, type Quarter } from './quarter.util';
import { percentagePointChange, sicknessPercentage } from './sickness-percentage.calculator';
import type { Level } from './unit.classifier';
import type { Varighet } from './varighet.classifier';

/**
 * Figures over several quarters (handbook §9.1): the rolling last four quarters and the trend.
 */

/**
 * One quarter's figures for one level and code, from either source: a computed row after `maskQuarter`, or a
 * published one (which has no graded or varighet breakdown: null).
 */
export interface QuarterFigures {
  readonly quarter: Quarter;
  readonly level: Level;
  readonly code: string;
  readonly antallPersoner: number;
  readonly tapte: MicroDagsverk;
  readonly mulige: MicroDagsverk;
  readonly tapteGradert: MicroDagsverk | null;
  readonly tapteVarighet: Readonly<Record<Varighet, MicroDagsverk>> | null;
  readonly maskReason: MaskReason | null;
}

export interface RollingFigures extends Omit<QuarterFigures, 'quarter' | 'antallPersoner'> {
  /** The quarters that had a row, oldest first (one to four). */
  readonly quarters: readonly Quarter[];
  /** The most persons in any included quarter: what the masking rule looks at. */
  readonly maxAntallPersoner: number;
}

/** The four quarters ending at the latest published quarter, oldest first. */
export function lastFourQuarters(latestPublished: Quarter): Quarter[] {
  return quartersBetween(addQuarters(latestPublished, -3), latestPublished);
}

/**
 * The rolling figure: sum tapte and sum mulige over the quarters that have a row, then divide (never average the
 * quarterly percentages); a missing quarter is left out, and none at all gives null.
 *
 * Masking: as §9.1, masked when even the largest included quarter has fewer than five persons. Beyond that it is
 * also masked when it includes a masked quarter while resting on enough persons: the rolling sum minus the shown
 * quarters would reveal the masked one (the issue forbids disclosure by difference). Masked quarters are still in the
 * sums; only what is shown is masked. Because a shown rolling figure then only ever sums shown quarters, rolling
 * figures at different levels can reveal nothing the quarterly figures do not.
 */
export function rollingFourQuarters(rows: readonly QuarterFigures[], latestPublished: Quarter): RollingFigures | null {
  const window = new Set(lastFourQuarters(latestPublished));
  const included = sameSeries(rows)
    .filter((row) => window.has(row.quarter))
    .sort((a, b) => (a.quarter < b.quarter ? -1 : 1));
  if (included.length === 0) return null;
  const breakdown = included.every((row) => row.tapteGradert !== null && row.tapteVarighet !== null);
  const sums = included.reduce(
    (total, row) => addSums(total, { ...ZERO_SUMS, tapte: row.tapte, mulige: row.mulige, tapteGradert: row.tapteGradert ?? 0n, tapteVarighet: row.tapteVarighet ?? ZERO_SUMS.tapteVarighet }),
    ZERO_SUMS,
  );
  const maxAntallPersoner = Math.max(...included.map((row) => row.antallPersoner));
  const maskReason: MaskReason | null =
    maxAntallPersoner < MIN_PERSONS_SHOWN ? 'FEWER_THAN_FIVE_PERSONS' : included.some((row) => row.maskReason !== null) ? 'DIFFERENCE_DISCLOSURE' : null;
  return {
    level: included[0]!.level,
    code: included[0]!.code,
    quarters: included.map((row) => row.quarter),
    maxAntallPersoner,
    tapte: sums.tapte,
    mulige: sums.mulige,
    tapteGradert: breakdown ? sums.tapteGradert : null,
    tapteVarighet: breakdown ? sums.tapteVarighet : null,
    maskReason,
  };
}

/** Trend is computed for bransje or næring only (§9.1). */
export const TREND_LEVELS: readonly Level[] = ['BRANSJE', 'NAERING2'];

export type TrendResult =
  | { readonly ok: true; readonly trend: Decimal; readonly quarters: readonly [Quarter, Quarter] }
  | { readonly ok: false; readonly reason: 'LEVEL_WITHOUT_TREND' | 'MISSING_QUARTER' | 'MASKED' | 'ZERO_DENOMINATOR' };

/** The latest quarter's percentage minus the same quarter's one year earlier, in percentage points. */
export function trendOf(rows: readonly QuarterFigures[], latestPublished: Quarter): TrendResult {
  const series = sameSeries(rows);
  if (series.length > 0 && !TREND_LEVELS.includes(series[0]!.level)) return { ok: false, reason: 'LEVEL_WITHOUT_TREND' };
  const yearEarlier = addQuarters(latestPublished, -4);
  const latest = series.find((row) => row.quarter === latestPublished);
  const earlier = series.find((row) => row.quarter === yearEarlier);
  if (!latest || !earlier) return { ok: false, reason: 'MISSING_QUARTER' };
  // Both quarters are shown on their own, so their difference reveals nothing more.
  if (latest.maskReason !== null || earlier.maskReason !== null) return { ok: false, reason: 'MASKED' };
  const now = sicknessPercentage(latest.tapte, latest.mulige);
  const then = sicknessPercentage(earlier.tapte, earlier.mulige);
  if (!now.ok || !then.ok) return { ok: false, reason: 'ZERO_DENOMINATOR' };
  return { ok: true, trend: percentagePointChange(now.prosent, then.prosent), quarters: [latestPublished, yearEarlier] };
}

function sameSeries(rows: readonly QuarterFigures[]): readonly QuarterFigures[] {
  const series = new Set(rows.map((row) => `${row.level}|${row.code}`));
  if (series.size > 1) throw new RangeError(`Rows of one level and code expected, got ${[...series].join(', ')}`);
  const quarters = rows.map((row) => row.quarter);
  if (new Set(quarters).size !== quarters.length) throw new RangeError('A quarter appears twice');
  return rows;
}
