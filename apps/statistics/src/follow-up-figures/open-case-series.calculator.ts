import { restsOnTooFew } from './follow-up-masking.policy';
import { isoWeeksBetween, sameWeekPreviousYear, type IsoWeek } from './iso-week.util';
import type { WeekCount } from './open-case.calculator';
import { percentOf, roundTo } from './percent.util';

/** Handbook §9.2: Østfold never stated its baseline, so the user must choose one and it is always shown. */
export const BASELINE_MODES = ['SAME_WEEK_PREVIOUS_YEAR', 'FIXED_REFERENCE_WEEK', 'REFERENCE_PERIOD_MEAN'] as const;
export type BaselineMode = (typeof BASELINE_MODES)[number];

export type Baseline =
  | { readonly mode: 'SAME_WEEK_PREVIOUS_YEAR' }
  | { readonly mode: 'FIXED_REFERENCE_WEEK'; readonly referenceWeek: IsoWeek }
  | { readonly mode: 'REFERENCE_PERIOD_MEAN'; readonly referenceFrom: IsoWeek; readonly referenceTo: IsoWeek };

export interface OpenCasePoint {
  readonly week: IsoWeek;
  /** Null when masked. */
  readonly count: number | null;
  readonly fteWeighted: number | null;
  readonly masked: boolean;
  /** The week the baseline was counted in; null for a period mean, or when the previous year has no such week. */
  readonly baselineWeek: IsoWeek | null;
  /** Null when masked or when there is no baseline week. */
  readonly baseline: number | null;
  readonly baselineMasked: boolean;
  /** (count − baseline) / baseline in percent, one decimal; null unless both are shown. */
  readonly changePercent: number | null;
}

export interface WeekChange {
  readonly week: IsoWeek;
  readonly changePercent: number;
}

export interface OpenCaseSeries {
  readonly points: readonly OpenCasePoint[];
  /** The lowest change (the largest fall), earliest on a tie. Masked weeks take no part in any summary. */
  readonly minimum: WeekChange | null;
  /** The change of the last week that has one. */
  readonly latest: WeekChange | null;
  /** The mean of the weekly changes, one decimal. */
  readonly meanChangePercent: number | null;
  readonly weeksInMean: number;
}

/** Every week that must be counted: the series and whatever its baseline reads. */
export function weeksToCount(series: readonly IsoWeek[], baseline: Baseline): IsoWeek[] {
  const extra =
    baseline.mode === 'SAME_WEEK_PREVIOUS_YEAR'
      ? series.map(sameWeekPreviousYear).filter((week): week is IsoWeek => week !== null)
      : baseline.mode === 'FIXED_REFERENCE_WEEK'
        ? [baseline.referenceWeek]
        : isoWeeksBetween(baseline.referenceFrom, baseline.referenceTo);
  return [...new Set([...series, ...extra])].sort();
}

/** A baseline as an exact fraction, so a period mean loses nothing before the change is rounded. */
interface BaselineValue {
  readonly week: IsoWeek | null;
  readonly numerator: number;
  readonly denominator: number;
  readonly masked: boolean;
}

function baselineFor(week: IsoWeek, baseline: Baseline, counts: ReadonlyMap<IsoWeek, WeekCount>): BaselineValue | null {
  const single = (reference: IsoWeek | null): BaselineValue | null => {
    if (reference === null) return null;
    const persons = countOf(counts, reference).persons;
    return { week: reference, numerator: persons, denominator: 1, masked: restsOnTooFew(persons) };
  };
  switch (baseline.mode) {
    case 'SAME_WEEK_PREVIOUS_YEAR':
      return single(sameWeekPreviousYear(week));
    case 'FIXED_REFERENCE_WEEK':
      return single(baseline.referenceWeek);
    case 'REFERENCE_PERIOD_MEAN': {
      const persons = isoWeeksBetween(baseline.referenceFrom, baseline.referenceTo).map((reference) => countOf(counts, reference).persons);
      // As §9.1 masks a four-quarter aggregate: only when even its largest part rests on fewer than five.
      return { week: null, numerator: persons.reduce((a, b) => a + b, 0), denominator: persons.length, masked: restsOnTooFew(Math.max(...persons)) };
    }
  }
}

function countOf(counts: ReadonlyMap<IsoWeek, WeekCount>, week: IsoWeek): WeekCount {
  const count = counts.get(week);
  if (!count) throw new RangeError(`week ${week} was not counted; count weeksToCount(…)`);
  return count;
}

/** Handbook §9.2: change(w) = (count(w) − baseline(w)) / baseline(w), masked by §10.3, with its summary. */
export function openCaseSeries(series: readonly IsoWeek[], counts: ReadonlyMap<IsoWeek, WeekCount>, baseline: Baseline): OpenCaseSeries {
  const changes: { week: IsoWeek; exact: number; percent: number }[] = [];
  const points = series.map((week): OpenCasePoint => {
    const { persons, fteWeighted } = countOf(counts, week);
    const masked = restsOnTooFew(persons);
    const base = baselineFor(week, baseline, counts);
    const shownBase = base !== null && !base.masked && base.numerator > 0 ? base : null;
    let changePercent: number | null = null;
    if (!masked && shownBase) {
      // (count − n/d) / (n/d) = (count·d − n) / n
      const numerator = persons * shownBase.denominator - shownBase.numerator;
      changePercent = percentOf(numerator, shownBase.numerator);
      changes.push({ week, exact: numerator / shownBase.numerator, percent: changePercent });
    }
    return {
      week,
      count: masked ? null : persons,
      fteWeighted: masked ? null : roundTo(fteWeighted, 2),
      masked,
      baselineWeek: base?.week ?? null,
      baseline: base === null || base.masked ? null : roundTo(base.numerator / base.denominator, 2),
      baselineMasked: base?.masked ?? false,
      changePercent,
    };
  });
  const minimum = changes.reduce<(typeof changes)[number] | null>((lowest, change) => (lowest === null || change.exact < lowest.exact ? change : lowest), null);
  const latest = changes.at(-1) ?? null;
  return {
    points,
    minimum: minimum && { week: minimum.week, changePercent: minimum.percent },
    latest: latest && { week: latest.week, changePercent: latest.percent },
    meanChangePercent: changes.length === 0 ? null : roundTo((changes.reduce((sum, change) => sum + change.exact, 0) / changes.length) * 100, 1),
    weeksInMean: changes.length,
  };
}
