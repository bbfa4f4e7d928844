import type { ScreeningAnswerSubmission, SickNoteSubmission } from '@syfo/contracts';
import { epochDay } from '@syfo/local-date';

import { DateCache } from './date.cache';
import { employmentShare } from './geography.table';
import { industryOfCode, KINDERGARTEN_CODES, NURSING_HOME_CODES } from './industries.table';
import { NATIONAL_ESTABLISHMENTS, NATIONAL_EMPLOYED_PERSONS, type Establishment, type SyntheticPerson } from './population.generator';
import type { PersonRecord, Simulation, SimulationOptions } from './simulation';
import { SIZE_BANDS, sizeBandOf } from './size-bands.table';
import { genderOfIdent } from './synthetic-ids';
import { WorkdayCalendar } from './workday.calendar';

/** Published national figures (SSB and NAV; handbook §11 and the issue) the simulation must reproduce. */
export const PUBLISHED = {
  employedPersons: NATIONAL_EMPLOYED_PERSONS,
  establishments: NATIONAL_ESTABLISHMENTS,
  sickLeavePercent: [5.2, 5.6],
  seasonalIndex: [1.1, 0.99, 0.87, 1.05],
  municipalToPrivate: [1.4, 1.5],
  stateToPrivate: 1.0,
  womenPercent: 7.8,
  menPercent: 4.5,
  healthSocialToNational: 1.4,
  itToNational: 0.5,
  financeToNational: 0.5,
  shortShare: 0.62,
  withinEightWeeksShare: 0.8,
  meanDays: 37,
  gradedShare: 0.21,
  longAmongGraded: 0.46,
  sicknessBenefitPersonsPerYear: 629_000,
  maksdatoPersonsPerYear: 40_000,
  screeningAnswerShare: 0.7,
  lowSunnfjordShare: 0.21,
} as const;

/**
 * A sample is split into this many batches by person; the spread of the leave-one-batch-out values
 * (the jackknife) is the standard error a figure has at this sample size. Batches by person are
 * right here because the risk model is fitted to the employers actually drawn (see riskModelFor):
 * what remains random is each person's own frailty and episodes.
 */
const BATCHES = 20;
/** A tolerance is never tighter than this many standard errors: a small sample cannot be asked more. */
const STANDARD_ERRORS = 3;

// Where tapte and mulige dagsverk are summed.
const CATEGORIES = ['LAND', 'STATLIG', 'KOMMUNAL', 'PRIVAT', 'F', 'M', 'HEALTH_SOCIAL', 'IT', 'FINANCE', 'NURSING_HOMES', 'KINDERGARTENS', 'OTHER_HEALTH_SOCIAL'] as const;
type Category = (typeof CATEGORIES)[number];
const CATEGORY_INDEX = new Map(CATEGORIES.map((category, i) => [category, i]));
const COUNTERS = ['episodes', 'short', 'withinEightWeeks', 'days', 'graded', 'longGraded', 'invited', 'answered', 'sunnfjord', 'lowSunnfjord'] as const;
type Counter = (typeof COUNTERS)[number];

const GAP_DAYS = 16;
const MAKSDATO_DAYS = 364;
const TWELVE_WEEKS = 84;
const EIGHT_WEEKS = 56;
const SIX_WEEKS = 42;

interface Quarter {
  readonly year: number;
  readonly quarter: number;
  readonly first: number;
  readonly last: number;
}

interface MergedEpisode {
  onset: number;
  fom: number;
  tom: number;
  graded: boolean;
  periods: { readonly fom: number; readonly tom: number; readonly full: boolean }[];
}

/** Sums for one batch of persons (or all of them): tapte, mulige, counters, persons per year. */
class Totals {
  public constructor(
    private readonly layout: Layout,
    private readonly values: Float64Array,
  ) {}

  /** Sick-leave % of a category over the given quarters (all by default). */
  public rate(category: Category, quarters?: readonly number[]): number {
    const c = CATEGORY_INDEX.get(category)!;
    let tapte = 0;
    let mulige = 0;
    for (const q of quarters ?? this.layout.allQuarters) {
      tapte += this.values[this.layout.tapte(q, c)]!;
      mulige += this.values[this.layout.mulige(q, c)]!;
    }
    return mulige > 0 ? (100 * tapte) / mulige : Number.NaN;
  }

  public counter(name: Counter): number {
    return this.values[this.layout.counter(name)]!;
  }

  /** Persons a year, averaged over the years. */
  public perYear(kind: 'benefit' | 'maksdato'): number {
    let total = 0;
    for (let y = 0; y < this.layout.years; y += 1) total += this.values[this.layout.perYear(kind, y)]!;
    return total / this.layout.years;
  }
}

/** Where each sum lives in a batch's array. */
class Layout {
  public readonly allQuarters: readonly number[];
  public readonly size: number;
  private readonly perYearOffset: number;

  public constructor(
    quarters: number,
    public readonly years: number,
  ) {
    this.allQuarters = Array.from({ length: quarters }, (_, q) => q);
    this.perYearOffset = 2 * quarters * CATEGORIES.length + COUNTERS.length;
    this.size = this.perYearOffset + 2 * years;
  }

  public tapte(quarter: number, category: number): number {
    return quarter * CATEGORIES.length + category;
  }

  public mulige(quarter: number, category: number): number {
    return (this.allQuarters.length + quarter) * CATEGORIES.length + category;
  }

  public counter(name: Counter): number {
    return 2 * this.allQuarters.length * CATEGORIES.length + COUNTERS.indexOf(name);
  }

  public perYear(kind: 'benefit' | 'maksdato', year: number): number {
    return this.perYearOffset + (kind === 'benefit' ? 0 : this.years) + year;
  }
}

/**
 * Everything the report needs, summed as the people stream by, from the documents alone (the version
 * of each sick note that counts, after corrections and cancellations), the employer register and each
 * person's home region. Sick-leave percentages follow handbook §9.1: working days (weekdays that are
 * not public holidays) × stillingsprosent (× grade for tapte), legemeldt only.
 */
export class CalibrationAccumulator {
  private readonly calendar: WorkdayCalendar;
  private readonly dates: DateCache;
  private readonly quarters: readonly Quarter[];
  private readonly years: readonly number[];
  private readonly layout: Layout;
  private readonly batches: Float64Array[];
  private readonly establishments: ReadonlyMap<string, Establishment>;
  private readonly employeesAt = new Map<string, number>();
  private employed = 0;

  public constructor(
    options: Pick<SimulationOptions, 'firstYear' | 'lastYear'>,
    establishments: readonly Establishment[],
  ) {
    const first = `${options.firstYear}-01-01`;
    const last = `${options.lastYear}-12-31`;
    this.calendar = new WorkdayCalendar(first, last);
    // Arbeidsforhold may have begun long before; notes end at most a year or so after.
    this.dates = new DateCache(epochDay(first) - 20 * 366, epochDay(last) + 800);
    this.years = Array.from({ length: options.lastYear - options.firstYear + 1 }, (_, i) => options.firstYear + i);
    this.quarters = this.years.flatMap((year) =>
      [1, 2, 3, 4].map((quarter) => ({
        year,
        quarter,
        first: epochDay(`${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`),
        last: (quarter === 4 ? epochDay(`${year + 1}-01-01`) : epochDay(`${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`)) - 1,
      })),
    );
    this.layout = new Layout(this.quarters.length, this.years.length);
    this.batches = Array.from({ length: BATCHES }, () => new Float64Array(this.layout.size));
    this.establishments = new Map(establishments.map((establishment) => [establishment.orgnr, establishment]));
  }

  public add({ person, documents }: PersonRecord): void {
    const batch = this.batches[person.index % BATCHES]!;
    const gender = genderOfIdent(person.ident);
    const positions = new Map<string, { share: number; categories: number[] }>();
    const notes = new Map<string, SickNoteSubmission>();
    const cancelled = new Set<string>();
    const answers: ScreeningAnswerSubmission[] = [];
    for (const item of documents) {
      if (item.kind === 'arbeidsforhold') {
        const { orgnr, stillingsprosent, fom, tom } = item.submission;
        const categories = this.categoriesOf(orgnr, gender);
        positions.set(orgnr, { share: stillingsprosent / 100, categories });
        this.addDays(batch, 'mulige', categories, this.dates.day(fom), tom ? this.dates.day(tom) : Number.POSITIVE_INFINITY, stillingsprosent / 100);
        this.employeesAt.set(orgnr, (this.employeesAt.get(orgnr) ?? 0) + 1);
      } else if (item.kind === 'sick-note') {
        // The newest version counts (sentAt orders versions, as in case-intake).
        const earlier = notes.get(item.submission.sourceId);
        if (!earlier || (item.submission.sentAt ?? '') >= (earlier.sentAt ?? '')) notes.set(item.submission.sourceId, item.submission);
      } else if (item.kind === 'cancellation') {
        if (item.submission.kind === 'SICK_NOTE') cancelled.add(item.submission.sourceId);
      } else if (item.kind === 'screening-answer') {
        answers.push(item.submission);
      }
    }
    if (positions.size > 0) this.employed += 1;

    const legemeldt = [...notes.values()].filter((note) => !cancelled.has(note.sourceId) && (note.status === 'SENDT' || note.status === 'BEKREFTET'));
    for (const note of legemeldt) {
      const position = note.orgnr === undefined ? undefined : positions.get(note.orgnr);
      if (!position) continue; // no employer: no unit to count it at
      for (const period of note.periods) this.addDays(batch, 'tapte', position.categories, this.dates.day(period.fom), this.dates.day(period.tom), (position.share * (period.grade ?? 100)) / 100);
    }
    this.addEpisodes(batch, person, positions.size > 0, this.mergeEpisodes(legemeldt), answers);
  }

  public report(options: Pick<SimulationOptions, 'area' | 'scale'>): CalibrationReport {
    const share = employmentShare(options.area) * options.scale;
    const ofQuarter = (quarter: number) => this.quarters.flatMap((candidate, i) => (candidate.quarter === quarter ? [i] : []));
    const ofYear = (year: number) => this.quarters.flatMap((candidate, i) => (candidate.year === year ? [i] : []));
    const bands = [...this.employeesAt.values()].map(sizeBandOf);
    const bandShare = (keys: readonly string[]) => bands.filter((band) => keys.includes(band)).length / bands.length;
    const measures: Measure[] = [
      { target: 'employed persons', unit: 'count', check: { kind: 'relative', published: PUBLISHED.employedPersons * share, tolerance: 0.01 }, value: () => this.employed },
      { target: 'establishments with employees', unit: 'count', check: { kind: 'relative', published: PUBLISHED.establishments * share, tolerance: 0.02 }, value: () => bands.length },
      ...SIZE_BANDS.slice(0, 4).map(
        (band): Measure => ({ target: `establishments with ${band.key} employees`, unit: 'share', check: { kind: 'absolute', published: band.share, tolerance: 0.02 }, value: () => bandShare([band.key]) }),
      ),
      {
        target: 'establishments with 50+ employees',
        unit: 'share',
        check: { kind: 'absolute', published: sum(SIZE_BANDS.slice(4).map((band) => band.share)), tolerance: 0.02 },
        value: () => bandShare(SIZE_BANDS.slice(4).map((band) => band.key)),
      },
      { target: 'sick-leave %, all years', unit: 'percent', sampled: true, check: NATIONAL_CHECK, value: (t) => t.rate('LAND') },
      ...this.years.map((year): Measure => ({ target: `sick-leave % ${year}`, unit: 'percent', check: { kind: 'info', published: '5.2–5.6' }, value: (t) => t.rate('LAND', ofYear(year)) })),
      ...PUBLISHED.seasonalIndex.map(
        (index, q): Measure => ({ target: `seasonal index Q${q + 1}`, unit: 'ratio', sampled: true, check: seasonalCheck(index), value: (t) => t.rate('LAND', ofQuarter(q + 1)) / t.rate('LAND') }),
      ),
      { target: 'municipal / private', unit: 'ratio', sampled: true, check: MUNICIPAL_CHECK, value: (t) => t.rate('KOMMUNAL') / t.rate('PRIVAT') },
      { target: 'state / private', unit: 'ratio', sampled: true, check: STATE_CHECK, value: (t) => t.rate('STATLIG') / t.rate('PRIVAT') },
      // The published gender figures imply about 6.0 % nationally; see MODEL_TARGETS for why ± 0.8.
      { target: 'women, sick-leave %', unit: 'percent', sampled: true, check: { kind: 'absolute', published: PUBLISHED.womenPercent, tolerance: 0.8 }, value: (t) => t.rate('F') },
      { target: 'men, sick-leave %', unit: 'percent', sampled: true, check: { kind: 'absolute', published: PUBLISHED.menPercent, tolerance: 0.8 }, value: (t) => t.rate('M') },
      { target: 'women / men', unit: 'ratio', sampled: true, check: { kind: 'absolute', published: PUBLISHED.womenPercent / PUBLISHED.menPercent, tolerance: 0.2 }, value: (t) => t.rate('F') / t.rate('M') },
      {
        target: 'health and social / national',
        unit: 'ratio',
        sampled: true,
        check: { kind: 'absolute', published: PUBLISHED.healthSocialToNational, tolerance: 0.12 },
        value: (t) => t.rate('HEALTH_SOCIAL') / t.rate('LAND'),
      },
      // "Highest within health and social": above the rest of it by a clear margin.
      { target: 'nursing homes / rest of health and social', unit: 'ratio', sampled: true, check: { kind: 'minimum', minimum: 1.1 }, value: (t) => t.rate('NURSING_HOMES') / t.rate('OTHER_HEALTH_SOCIAL') },
      { target: 'kindergartens / rest of health and social', unit: 'ratio', sampled: true, check: { kind: 'minimum', minimum: 1.1 }, value: (t) => t.rate('KINDERGARTENS') / t.rate('OTHER_HEALTH_SOCIAL') },
      { target: 'IT / national', unit: 'ratio', sampled: true, check: { kind: 'absolute', published: PUBLISHED.itToNational, tolerance: 0.15 }, value: (t) => t.rate('IT') / t.rate('LAND') },
      { target: 'finance / national', unit: 'ratio', sampled: true, check: { kind: 'absolute', published: PUBLISHED.financeToNational, tolerance: 0.15 }, value: (t) => t.rate('FINANCE') / t.rate('LAND') },
      {
        target: 'episodes of 16 days or less',
        unit: 'share',
        sampled: true,
        check: { kind: 'absolute', published: PUBLISHED.shortShare, tolerance: 0.02 },
        value: (t) => t.counter('short') / t.counter('episodes'),
      },
      {
        target: 'episodes ended within 8 weeks',
        unit: 'share',
        sampled: true,
        check: { kind: 'minimum', minimum: PUBLISHED.withinEightWeeksShare },
        value: (t) => t.counter('withinEightWeeks') / t.counter('episodes'),
      },
      { target: 'mean episode length, days', unit: 'days', sampled: true, check: { kind: 'absolute', published: PUBLISHED.meanDays, tolerance: 3 }, value: (t) => t.counter('days') / t.counter('episodes') },
      { target: 'graded episodes', unit: 'share', sampled: true, check: { kind: 'absolute', published: PUBLISHED.gradedShare, tolerance: 0.02 }, value: (t) => t.counter('graded') / t.counter('episodes') },
      {
        target: 'graded episodes lasting 12 weeks or more',
        unit: 'share',
        sampled: true,
        check: { kind: 'absolute', published: PUBLISHED.longAmongGraded, tolerance: 0.04 },
        value: (t) => t.counter('longGraded') / t.counter('graded'),
      },
      // Shown, not checked: with the duration shape and the national figure above, the published
      // counts of benefit recipients and of those reaching maksdato cannot both hold (see the report).
      { target: 'persons with sickness benefit a year', unit: 'count', check: { kind: 'info', published: show(PUBLISHED.sicknessBenefitPersonsPerYear * share, 'count') }, value: (t) => t.perYear('benefit') },
      { target: 'persons reaching maksdato a year', unit: 'count', check: { kind: 'info', published: show(PUBLISHED.maksdatoPersonsPerYear * share, 'count') }, value: (t) => t.perYear('maksdato') },
      {
        target: 'screening questionnaires answered',
        unit: 'share',
        sampled: true,
        check: { kind: 'absolute', published: PUBLISHED.screeningAnswerShare, tolerance: 0.03 },
        value: (t) => t.counter('answered') / t.counter('invited'),
      },
      {
        target: 'Sunnfjord answers scoring 1–2',
        unit: 'share',
        sampled: true,
        check: { kind: 'absolute', published: PUBLISHED.lowSunnfjordShare, tolerance: 0.03 },
        value: (t) => t.counter('lowSunnfjord') / t.counter('sunnfjord'),
      },
    ];
    const all = this.totals();
    const leaveOneOut = this.batches.map((_, b) => this.totals(b));
    const rows = measures.map((measure) => evaluate(measure, measure.value(all), measure.sampled ? jackknife(leaveOneOut.map((totals) => measure.value(totals))) : 0));
    return { rows, ok: rows.every((row) => row.ok !== false) };
  }

  /** The sums over every batch, or over every batch but one. */
  private totals(without?: number): Totals {
    const values = new Float64Array(this.layout.size);
    this.batches.forEach((batch, b) => {
      if (b !== without) for (let i = 0; i < values.length; i += 1) values[i]! += batch[i]!;
    });
    return new Totals(this.layout, values);
  }

  private categoriesOf(orgnr: string, gender: 'F' | 'M'): number[] {
    const establishment = this.establishments.get(orgnr);
    if (!establishment) throw new RangeError(`an arbeidsforhold names ${orgnr}, which the register does not have`);
    const categories: Category[] = ['LAND', establishment.sektor, gender];
    const industry = industryOfCode(establishment.naeringskode);
    if (industry.group) categories.push(industry.group);
    if (industry.group === 'HEALTH_SOCIAL') {
      if (NURSING_HOME_CODES.has(establishment.naeringskode)) categories.push('NURSING_HOMES');
      else if (KINDERGARTEN_CODES.has(establishment.naeringskode)) categories.push('KINDERGARTENS');
      else categories.push('OTHER_HEALTH_SOCIAL');
    }
    return categories.map((category) => CATEGORY_INDEX.get(category)!);
  }

  /** Adds the working days of [from, to] × weight to every category, quarter by quarter. */
  private addDays(batch: Float64Array, sum: 'tapte' | 'mulige', categories: readonly number[], from: number, to: number, weight: number): void {
    for (let q = this.quarterOf(from); q < this.quarters.length && this.quarters[q]!.first <= to; q += 1) {
      const quarter = this.quarters[q]!;
      const days = this.calendar.count(from > quarter.first ? from : quarter.first, to < quarter.last ? to : quarter.last) * weight;
      if (days === 0) continue;
      for (const c of categories) batch[sum === 'tapte' ? this.layout.tapte(q, c) : this.layout.mulige(q, c)]! += days;
    }
  }

  /** The first quarter that ends on or after the day. */
  private quarterOf(day: number): number {
    let q = 0;
    while (q < this.quarters.length && this.quarters[q]!.last < day) q += 1;
    return q;
  }

  private addEpisodes(batch: Float64Array, person: SyntheticPerson, employed: boolean, episodes: readonly MergedEpisode[], answers: readonly ScreeningAnswerSubmission[]): void {
    const first = this.quarters[0]!.first;
    const last = this.quarters[this.quarters.length - 1]!.last;
    const count = (name: Counter, value = 1) => (batch[this.layout.counter(name)]! += value);
    const benefitYears = new Set<number>();
    const maksdatoYears = new Set<number>();
    for (const episode of episodes) {
      const days = episode.tom - episode.fom + 1;
      this.years.forEach((_, y) => {
        const yearFirst = this.quarters[y * 4]!.first;
        const yearLast = this.quarters[y * 4 + 3]!.last;
        // NAV pays from day 17; the employer pays the first 16 (the arbeidsgiverperiode).
        if (days > GAP_DAYS && episode.fom + GAP_DAYS <= yearLast && episode.tom >= yearFirst) benefitYears.add(y);
        if (days >= MAKSDATO_DAYS && episode.tom >= yearFirst && episode.tom <= yearLast) maksdatoYears.add(y);
      });
      if (episode.onset < first || episode.onset > last) continue;
      if (this.invited(person, episode)) {
        count('invited');
        const answer = answers.find((candidate) => {
          const day = this.dates.day(candidate.answeredAt.slice(0, 10));
          return day >= episode.onset && day <= episode.tom + 14;
        });
        if (answer) count('answered');
        if (answer?.questionnaire === 'SF_SP2') {
          count('sunnfjord');
          if (answer.score <= 2) count('lowSunnfjord');
        }
      }
      if (!employed || episode.fom < first) continue;
      count('episodes');
      count('days', days);
      if (days <= GAP_DAYS) count('short');
      if (days <= EIGHT_WEEKS) count('withinEightWeeks');
      if (episode.graded) count('graded');
      if (episode.graded && days >= TWELVE_WEEKS) count('longGraded');
    }
    benefitYears.forEach((y) => (batch[this.layout.perYear('benefit', y)]! += 1));
    maksdatoYears.forEach((y) => (batch[this.layout.perYear('maksdato', y)]! += 1));
  }

  /** The pilots' triggers: Vest-Viken asks at 8 weeks (§4.2), elsewhere those 100 % sick-listed at 6 weeks (§4.3). */
  private invited(person: SyntheticPerson, episode: MergedEpisode): boolean {
    const sickDays = episode.tom - episode.onset + 1;
    if (person.region === 'vest-viken') return sickDays >= EIGHT_WEEKS;
    const sixWeeks = episode.onset + SIX_WEEKS - 1;
    return sickDays >= SIX_WEEKS && episode.periods.some((period) => period.full && period.fom <= sixWeeks && period.tom >= sixWeeks);
  }

  /** Legemeldt periods merged into episodes the way §3.2 splits tilfeller: 16 or more days apart is a new one. */
  private mergeEpisodes(notes: readonly SickNoteSubmission[]): MergedEpisode[] {
    const periods = notes
      .flatMap((note) =>
        note.periods.map((period, p) => ({
          fom: this.dates.day(period.fom),
          tom: this.dates.day(period.tom),
          full: period.type === 'FULL',
          egenmelding: p === 0 && note.egenmeldingsperioder?.length ? Math.min(...note.egenmeldingsperioder.map((range) => this.dates.day(range.fom))) : undefined,
        })),
      )
      .sort((a, b) => a.fom - b.fom);
    const episodes: MergedEpisode[] = [];
    for (const period of periods) {
      const current = episodes[episodes.length - 1];
      if (current && period.fom - current.tom - 1 < GAP_DAYS) {
        current.tom = Math.max(current.tom, period.tom);
        current.graded ||= !period.full;
        current.periods.push(period);
      } else {
        episodes.push({ onset: period.egenmelding ?? period.fom, fom: period.fom, tom: period.tom, graded: !period.full, periods: [period] });
      }
    }
    return episodes;
  }
}

// ---- The report ---------------------------------------------------------------------------------

type Unit = 'count' | 'share' | 'percent' | 'ratio' | 'days';

export type Check =
  /** Within a relative tolerance of a published count. */
  | { readonly kind: 'relative'; readonly published: number; readonly tolerance: number }
  | { readonly kind: 'absolute'; readonly published: number; readonly tolerance: number }
  /** Inside a published range widened by a margin on each side. */
  | { readonly kind: 'range'; readonly low: number; readonly high: number; readonly margin: number }
  | { readonly kind: 'minimum'; readonly minimum: number }
  /** Shown for information; never fails. */
  | { readonly kind: 'info'; readonly published: string };

/** A check with a tolerance band, which the 3-standard-error rule can widen. */
export type BoundedCheck = Extract<Check, { kind: 'absolute' | 'range' }>;

/** The checks the statistics service's own figures are held to as well (statistics-check.ts). */
export const NATIONAL_CHECK: BoundedCheck = { kind: 'range', low: PUBLISHED.sickLeavePercent[0], high: PUBLISHED.sickLeavePercent[1], margin: 0.1 };
export const seasonalCheck = (index: number): BoundedCheck => ({ kind: 'absolute', published: index, tolerance: 0.05 });
export const MUNICIPAL_CHECK: BoundedCheck = { kind: 'range', low: PUBLISHED.municipalToPrivate[0], high: PUBLISHED.municipalToPrivate[1], margin: 0.1 };
export const STATE_CHECK: BoundedCheck = { kind: 'absolute', published: PUBLISHED.stateToPrivate, tolerance: 0.15 };

/** The interval an absolute or range check accepts: its own tolerance, widened to 3 standard errors when the sample is small. */
export function toleranceBounds(check: BoundedCheck, standardError: number): { readonly low: number; readonly high: number; readonly widened: boolean } {
  const noise = STANDARD_ERRORS * standardError;
  if (check.kind === 'range') {
    const margin = Math.max(check.margin, noise);
    return { low: check.low - margin, high: check.high + margin, widened: noise > check.margin };
  }
  const tolerance = Math.max(check.tolerance, noise);
  return { low: check.published - tolerance, high: check.published + tolerance, widened: noise > check.tolerance };
}

interface Measure {
  readonly target: string;
  readonly unit: Unit;
  readonly check: Check;
  /** A statistic of the sampled persons: its tolerance widens to 3 standard errors when the sample is small. */
  readonly sampled?: boolean;
  readonly value: (totals: Totals) => number;
}

export interface CalibrationRow {
  readonly target: string;
  readonly published: string;
  readonly simulated: string;
  readonly tolerance: string;
  /** Undefined for rows shown for information only. */
  readonly ok: boolean | undefined;
  readonly value: number;
  /** The jackknife standard error (0 for figures that are not sample statistics). */
  readonly standardError: number;
}

export interface CalibrationReport {
  readonly rows: readonly CalibrationRow[];
  readonly ok: boolean;
}

function evaluate(measure: Measure, value: number, standardError: number): CalibrationRow {
  const { check, unit } = measure;
  const noise = STANDARD_ERRORS * standardError;
  const base = { target: measure.target, simulated: show(value, unit), value, standardError };
  const widened = (tolerance: number) => (noise > tolerance ? `${showDelta(noise, unit)} (3 SE)` : showDelta(tolerance, unit));
  switch (check.kind) {
    case 'relative':
      return { ...base, published: show(check.published, unit), tolerance: `± ${check.tolerance * 100} %`, ok: Math.abs(value - check.published) <= check.tolerance * check.published };
    case 'absolute': {
      const bounds = toleranceBounds(check, standardError);
      return { ...base, published: show(check.published, unit), tolerance: widened(check.tolerance), ok: value >= bounds.low - 1e-12 && value <= bounds.high + 1e-12 };
    }
    case 'range': {
      const bounds = toleranceBounds(check, standardError);
      return {
        ...base,
        published: `${show(check.low, unit)}–${show(check.high, unit)}`,
        tolerance: `${show(bounds.low, unit)}–${show(bounds.high, unit)}${bounds.widened ? ' (3 SE)' : ''}`,
        ok: value >= bounds.low - 1e-12 && value <= bounds.high + 1e-12,
      };
    }
    case 'minimum': {
      const lowered = show(check.minimum - noise, unit);
      return { ...base, published: `≥ ${show(check.minimum, unit)}`, tolerance: lowered === show(check.minimum, unit) ? 'minimum' : `≥ ${lowered} (3 SE)`, ok: value >= check.minimum - noise };
    }
    case 'info':
      return { ...base, published: check.published, tolerance: 'info', ok: undefined };
  }
}


/**
 * The jackknife standard error from the leave-one-batch-out values; batches whose removal leaves
 * nothing to measure are left out, and with fewer than two values there is no estimate (0).
 */
function jackknife(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return 0;
  const mean = sum(finite) / finite.length;
  return Math.sqrt(((finite.length - 1) / finite.length) * sum(finite.map((value) => (value - mean) ** 2)));
}

function show(value: number, unit: Unit): string {
  if (Number.isNaN(value)) return 'n/a';
  switch (unit) {
    case 'count':
      return Math.round(value).toLocaleString('en-US');
    case 'share':
      return `${(value * 100).toFixed(1)} %`;
    case 'percent':
      return `${value.toFixed(2)} %`;
    case 'ratio':
      return value.toFixed(3);
    case 'days':
      return value.toFixed(1);
  }
}

function showDelta(delta: number, unit: Unit): string {
  if (unit === 'share') return `± ${(delta * 100).toFixed(1)} pp`;
  if (unit === 'percent') return `± ${delta.toFixed(2)} pp`;
  return `± ${unit === 'ratio' ? delta.toFixed(3) : delta.toFixed(1)}`;
}

function sum(values: readonly number[]): number {
  return values.reduce((acc, value) => acc + value, 0);
}

/** Generates and measures a whole simulation. */
export function calibrate(simulation: Simulation): CalibrationReport {
  const accumulator = new CalibrationAccumulator(simulation.options, simulation.register.establishments);
  for (const record of simulation.people()) accumulator.add(record);
  return accumulator.report(simulation.options);
}

/** A plain-text table with padded columns, then a closing line. */
export function formatTable(header: readonly string[], lines: readonly (readonly string[])[], footer: string): string {
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd();
  return [format(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...lines.map(format), '', footer].join('\n');
}

/** The report as a plain-text table. */
export function formatReport(report: CalibrationReport): string {
  return formatTable(
    ['target', 'published', 'simulated', 'tolerance', 'result'],
    report.rows.map((row) => [row.target, row.published, row.simulated, row.tolerance, row.ok === undefined ? '' : row.ok ? 'OK' : 'NOT OK']),
    report.ok ? 'All targets are within tolerance.' : 'Some targets are out of tolerance.',
  );
}
