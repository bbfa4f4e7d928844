import type { ArbeidsforholdChanged, SickNoteReceived, TilfellerChanged } from '@syfo/contracts';
import { countWorkdaysBetweenEpochDays, epochDay, type LocalDate } from '@syfo/local-date';
import { decimal, formatDecimal, parseDecimal } from './decimal.util';
import { supersedes } from './document-version.util';
import { quarterEnd, quarterStart, quartersBetween, type Quarter } from './quarter.util';
import { VARIGHETER, varighetOf, type Varighet } from './varighet.classifier';

/**
 * One person's dagsverk per quarter and underenhet (handbook §9.1), from the facts case-intake publishes. The
 * aggregator only ever adds these up, so a person whose facts change is simply computed again (see
 * statistics.aggregator.ts).
 *
 * Units: dagsverk are kept as bigint **micro-dagsverk**. A day's weight is stillingsprosent in hundredths of a
 * percent (0–10000) times sick-leave grade in percent (0–100), i.e. 1/1,000,000 of a full dagsverk; mulige dagsverk
 * use grade 100. Sums are exact at every level.
 */
export type MicroDagsverk = bigint;
const DAGSVERK_SCALE = 6;

/** Dagsverk as exact text without trailing zeros: 123_400_000n → '123.4'. */
export function formatDagsverk(micro: MicroDagsverk): string {
  const text = formatDecimal(decimal(micro, DAGSVERK_SCALE));
  return text.replace(/\.?0+$/, '');
}

/** Exact dagsverk text (up to six decimals, '.' as separator) in micro-dagsverk: '123.4' → 123_400_000n. */
export function parseDagsverk(text: string): MicroDagsverk {
  const value = parseDecimal(text);
  if (value.scale > DAGSVERK_SCALE) throw new RangeError(`More than ${DAGSVERK_SCALE} decimals: '${text}'`);
  return value.unscaled * 10n ** BigInt(DAGSVERK_SCALE - value.scale);
}

export type ArbeidsforholdFact = Pick<ArbeidsforholdChanged, 'arbeidsforholdId' | 'orgnr' | 'stillingsprosent' | 'fom' | 'tom' | 'cancelled'>;
export type SickNoteFact = Pick<SickNoteReceived, 'sickNoteId' | 'orgnr' | 'status' | 'periods' | 'version' | 'cancelled'>;
export type TilfelleFact = Pick<TilfellerChanged['tilfeller'][number], 'start' | 'end'>;

/** Everything about one person that the statistics read. Sick notes may hold every received version. */
export interface PersonFacts {
  readonly arbeidsforhold: readonly ArbeidsforholdFact[];
  readonly sickNotes: readonly SickNoteFact[];
  readonly tilfeller: readonly TilfelleFact[];
}

export interface DagsverkSums {
  readonly mulige: MicroDagsverk;
  readonly tapte: MicroDagsverk;
  /** The tapte dagsverk of graded periods (grade below 100). */
  readonly tapteGradert: MicroDagsverk;
  /** Tapte split by the varighet of the tilfelle each day belongs to; the classes add up to `tapte`. */
  readonly tapteVarighet: Readonly<Record<Varighet, MicroDagsverk>>;
}

/**
 * What one person adds to one underenhet in one quarter. It exists only if the person had at least one agreed
 * working day there (so `mulige > 0`): that is what makes them one of the unit's `antallPersoner`.
 */
export interface Contribution extends DagsverkSums {
  readonly quarter: Quarter;
  readonly orgnr: string;
}

/** The quarters the service keeps (handbook §9.1: five years of history), both ends included. */
export interface StatisticsWindow {
  readonly fromQuarter: Quarter;
  readonly toQuarter: Quarter;
}

export const ZERO_VARIGHET: Readonly<Record<Varighet, MicroDagsverk>> = { A: 0n, B: 0n, C: 0n, D: 0n, E: 0n, F: 0n };

const FULL_GRADE = 100;

/**
 * Stillingsprosent in hundredths of a percent (37.5 → 3750). The register reports it with two decimals; a longer
 * fraction is rounded to the nearest hundredth here, at the edge, so nothing downstream sees a float.
 */
export function stillingsandel(stillingsprosent: number): number {
  const hundredths = Math.round(stillingsprosent * 100);
  if (!(hundredths >= 1 && hundredths <= 100 * 100)) throw new RangeError(`Not a stillingsprosent in (0, 100]: ${stillingsprosent}`);
  return hundredths;
}

/**
 * The version of each sick note that counts: the highest version (at an equal version the withdrawal), unless that
 * one is cancelled or AVBRUTT.
 */
export function liveSickNotes(notes: readonly SickNoteFact[]): SickNoteFact[] {
  const latest = new Map<string, SickNoteFact>();
  for (const note of notes) {
    const held = latest.get(note.sickNoteId);
    if (!held || supersedes(note, held)) latest.set(note.sickNoteId, note);
  }
  return [...latest.values()].filter((note) => !note.cancelled && note.status !== 'AVBRUTT');
}

/**
 * The grade a period's days are lost at, or 0 when they are not lost. "Legemeldt only" (§9.1): FULL and GRADED
 * periods are doctor-certified absence. AVVENTENDE (the person can work if the workplace adapts), BEHANDLINGSDAGER
 * (single treatment days the note does not date) and REISETILSKUDD (the person works, helped with travel) certify no
 * lost working day. Egenmelding never reaches this event: case-intake keeps egenmeldingsperioder to itself.
 */
function lostGrade(period: SickNoteFact['periods'][number]): number {
  switch (period.type) {
    case 'FULL':
      return FULL_GRADE;
    case 'GRADED':
      return period.grade ?? 0;
    case 'AVVENTENDE':
    case 'BEHANDLINGSDAGER':
    case 'REISETILSKUDD':
      return 0;
  }
}

interface Span {
  readonly fom: number;
  readonly tom: number;
}

interface Employment extends Span {
  readonly orgnr: string;
  readonly andel: bigint;
}

interface SickPeriod extends Span {
  /** null: the note names no employer, so it counts at every employment active that day. */
  readonly orgnr: string | null;
  readonly grade: number;
}

interface ClassifiedSpan extends Span {
  readonly varighet: Varighet;
}

interface Accumulator {
  mulige: bigint;
  tapte: bigint;
  tapteGradert: bigint;
  readonly tapteVarighet: Record<Varighet, bigint>;
}

/**
 * The person's contributions per (quarter, underenhet) inside `window`, sorted by quarter, then orgnr.
 *
 * - Mulige: each working day (workday.calendar.ts) inside an arbeidsforhold × its stillingsprosent.
 * - Tapte: each such day covered by a legemeldt period × stillingsprosent × grade. A period counts at the
 *   underenhet its note names; a note without orgnr (BEKREFTET, or NY before it was sent) counts at every
 *   arbeidsforhold active that day, as case-intake gives NY notes the orgnr of the covering arbeidsforhold (§3.5):
 *   the note certifies that the person cannot work, and spreading it to none would understate every employer. A note
 *   naming an employer the person has no arbeidsforhold with that day counts nowhere (there is no mulige to set it
 *   against). Overlapping periods at one employer count once, at the highest grade.
 * - Varighet: the length of the tilfelle (TilfellerChangedEvent) the day falls in; a sick day outside every tilfelle
 *   (the tilfelle list lags the note) takes the length of its run of consecutive legemeldt days instead.
 *
 * Pure and order-independent: the same facts always give the same contributions.
 */
export function contributionsOf(facts: PersonFacts, window: StatisticsWindow): Contribution[] {
  const quarters = windowQuarters(window);
  if (quarters.length === 0) return [];
  const windowFom = quarters[0]!.fom;
  const windowTom = quarters[quarters.length - 1]!.tom;
  const employments = facts.arbeidsforhold
    .filter((arbeidsforhold) => !arbeidsforhold.cancelled)
    .map(
      (arbeidsforhold): Employment => ({
        orgnr: arbeidsforhold.orgnr,
        andel: BigInt(stillingsandel(arbeidsforhold.stillingsprosent)),
        fom: Math.max(dayOf(arbeidsforhold.fom), windowFom),
        tom: Math.min(arbeidsforhold.tom === null ? windowTom : dayOf(arbeidsforhold.tom), windowTom),
      }),
    )
    .filter((employment) => employment.fom <= employment.tom);
  if (employments.length === 0) return [];

  const sickPeriods = liveSickNotes(facts.sickNotes).flatMap((note) =>
    note.periods
      .map((period): SickPeriod => ({ orgnr: note.orgnr, grade: lostGrade(period), fom: dayOf(period.fom), tom: dayOf(period.tom) }))
      .filter((period) => period.grade > 0),
  );
  const tilfeller = facts.tilfeller
    .filter((tilfelle) => tilfelle.end >= tilfelle.start) // the contract does not order them; a reversed one dates nothing
    .map((tilfelle): ClassifiedSpan => classified(dayOf(tilfelle.start), dayOf(tilfelle.end)))
    .sort((a, b) => a.fom - b.fom);
  const runs = runsOf(sickPeriods);

  const boundaries = new Set<number>([windowFom, windowTom + 1, ...quarters.map(({ fom }) => fom)]);
  for (const span of [...employments, ...sickPeriods, ...tilfeller, ...runs]) {
    boundaries.add(span.fom);
    boundaries.add(span.tom + 1);
  }
  const cuts = [...boundaries].filter((day) => day >= windowFom && day <= windowTom + 1).sort((a, b) => a - b);

  const accumulators = new Map<string, Accumulator & { readonly quarter: Quarter; readonly orgnr: string }>();
  // Between two cuts every input is constant, so each piece is weighed once by its number of working days. Every
  // quarter start is a cut, so a piece lies in one quarter, and the pieces run in order through the quarters.
  let quarterIndex = 0;
  for (let index = 0; index + 1 < cuts.length; index++) {
    const fom = cuts[index]!;
    const tom = cuts[index + 1]! - 1;
    while (fom > quarters[quarterIndex]!.tom) quarterIndex++;
    const active = employments.filter((employment) => covers(employment, fom));
    if (active.length === 0) continue;
    const workdays = BigInt(countWorkdaysBetweenEpochDays(fom, tom));
    if (workdays === 0n) continue;
    const quarter = quarters[quarterIndex]!.quarter;
    const covering = sickPeriods.filter((period) => covers(period, fom));
    for (const employment of active) {
      const key = `${quarter}|${employment.orgnr}`;
      let accumulator = accumulators.get(key);
      if (!accumulator) {
        accumulator = { quarter, orgnr: employment.orgnr, mulige: 0n, tapte: 0n, tapteGradert: 0n, tapteVarighet: { ...ZERO_VARIGHET } };
        accumulators.set(key, accumulator);
      }
      accumulator.mulige += workdays * employment.andel * BigInt(FULL_GRADE);
      const grade = Math.max(0, ...covering.filter((period) => period.orgnr === null || period.orgnr === employment.orgnr).map((period) => period.grade));
      if (grade === 0) continue;
      const lost = workdays * employment.andel * BigInt(grade);
      accumulator.tapte += lost;
      if (grade < FULL_GRADE) accumulator.tapteGradert += lost;
      // A covering period lies inside some run, so a class is always found.
      accumulator.tapteVarighet[(tilfeller.find((span) => covers(span, fom)) ?? runs.find((span) => covers(span, fom)))!.varighet] += lost;
    }
  }
  return [...accumulators.values()]
    .map(({ quarter, orgnr, mulige, tapte, tapteGradert, tapteVarighet }): Contribution => ({ quarter, orgnr, mulige, tapte, tapteGradert, tapteVarighet }))
    .sort((a, b) => (a.quarter === b.quarter ? compareText(a.orgnr, b.orgnr) : compareText(a.quarter, b.quarter)));
}

/** Adds dagsverk sums field by field; sign −1n subtracts `b`. */
export function addSums(a: DagsverkSums, b: DagsverkSums, sign: 1n | -1n = 1n): DagsverkSums {
  const tapteVarighet = { ...ZERO_VARIGHET };
  for (const varighet of VARIGHETER) tapteVarighet[varighet] = a.tapteVarighet[varighet] + sign * b.tapteVarighet[varighet];
  return {
    mulige: a.mulige + sign * b.mulige,
    tapte: a.tapte + sign * b.tapte,
    tapteGradert: a.tapteGradert + sign * b.tapteGradert,
    tapteVarighet,
  };
}

export const ZERO_SUMS: DagsverkSums = { mulige: 0n, tapte: 0n, tapteGradert: 0n, tapteVarighet: ZERO_VARIGHET };

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Facts repeat the same few thousand dates; parsing each once keeps a country's recomputation off the date parser.
const epochDays = new Map<LocalDate, number>();
const EPOCH_DAYS_KEPT = 100_000;

function dayOf(date: LocalDate): number {
  let day = epochDays.get(date);
  if (day === undefined) {
    if (epochDays.size >= EPOCH_DAYS_KEPT) epochDays.clear();
    day = epochDay(date);
    epochDays.set(date, day);
  }
  return day;
}

// The window's quarters as epoch-day spans: every person's computation needs them, and windows are few.
const quartersByWindow = new Map<string, readonly (Span & { readonly quarter: Quarter })[]>();

function windowQuarters({ fromQuarter, toQuarter }: StatisticsWindow): readonly (Span & { readonly quarter: Quarter })[] {
  const key = `${fromQuarter}..${toQuarter}`;
  let quarters = quartersByWindow.get(key);
  if (!quarters) {
    quarters = quartersBetween(fromQuarter, toQuarter).map((quarter) => ({ quarter, fom: epochDay(quarterStart(quarter)), tom: epochDay(quarterEnd(quarter)) }));
    quartersByWindow.set(key, quarters);
  }
  return quarters;
}

function covers(span: Span, day: number): boolean {
  return span.fom <= day && day <= span.tom;
}

function classified(fom: number, tom: number): ClassifiedSpan {
  return { fom, tom, varighet: varighetOf(tom - fom + 1) };
}

/** Maximal runs of consecutive calendar days covered by legemeldt periods (any employer). */
function runsOf(periods: readonly SickPeriod[]): ClassifiedSpan[] {
  const sorted = [...periods].sort((a, b) => a.fom - b.fom);
  const runs: ClassifiedSpan[] = [];
  let current: { fom: number; tom: number } | undefined;
  for (const period of sorted) {
    if (current && period.fom <= current.tom + 1) {
      current.tom = Math.max(current.tom, period.tom);
    } else {
      if (current) runs.push(classified(current.fom, current.tom));
      current = { fom: period.fom, tom: period.tom };
    }
  }
  if (current) runs.push(classified(current.fom, current.tom));
  return runs;
}
