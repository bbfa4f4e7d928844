import type { SickNoteSubmission, VV_MS_8W_Q1_ANSWERS, VV_MS_8W_Q2_ANSWERS, VV_MS_8W_Q3_ANSWERS, VV_MS_8W_Q3_UNSURE_REASONS } from '@syfo/contracts';
import { epochDay } from '@syfo/local-date';

import { DateCache } from './date.cache';
import { SOURCE_SYSTEM, type FeedItem } from './feed-item';
import { STREAM, type SyntheticPerson } from './population.generator';
import { MODEL_TARGETS } from './risk.model';
import { SeededRandom, WeightedChoice } from './seeded-random';

export interface SickLeaveOptions {
  readonly seed: number;
  /** The calendar years the data is for; a year before them is simulated too, and dropped, to reach a steady state. */
  readonly firstYear: number;
  readonly lastYear: number;
}

/** A sick note's single period: `grade` is the percentage on sick leave, undefined for 100 %. */
export interface NotePlan {
  readonly fom: number;
  readonly tom: number;
  readonly grade: number | undefined;
}

/** One legemeldt episode in epoch days; egenmelding days (if any) come just before `fom`. */
export interface Episode {
  readonly onset: number;
  readonly egenmeldingDays: number;
  readonly fom: number;
  readonly tom: number;
  readonly notes: readonly NotePlan[];
  readonly diagnosis: Diagnosis;
}

interface Diagnosis {
  readonly system: 'ICPC2' | 'ICD10';
  readonly code: string;
}

/** The first day of the simulation: 1 January of the year before the first reported year. */
export function simulationFirstDay(firstYear: number): string {
  return `${firstYear - 1}-01-01`;
}

// ---- Duration, grading and notes ---------------------------------------------------------------

/**
 * Legemeldt episode length in calendar days, a mixture built for the published shape: 62 % last 16
 * days or less, 20.5 % 17–56 days (so 82.5 % end within 8 weeks), 17.5 % longer, of which 11 % run
 * to the 52-week maximum and the rest fall off exponentially. Mean ≈ 37 days:
 * 0.62 × 8.5 + 0.205 × 30 + 0.175 × (0.11 × 364 + 0.89 × ≈116) ≈ 37.
 */
const SHORT_WEIGHTS = [2, 3, 8, 9, 10, 7, 12, 5, 4, 6, 3, 3, 4, 14, 3, 7];
const SHORT_SHARE = 0.62;
const MEDIUM_SHARE = 0.205;
const LONG_SHARE = 0.175;
const MAKSDATO_DAYS = 364;
const REACHES_MAKSDATO = 0.11;
const LONG_TAIL_DAYS = 61.6;
const DURATION = new WeightedChoice<number>(durationWeights());

function durationWeights(): [number, number][] {
  const normalised = (entries: [number, number][], share: number): [number, number][] => {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    return entries.map(([days, weight]) => [days, (share * weight) / total]);
  };
  const range = (from: number, to: number, weight: (days: number) => number) => Array.from({ length: to - from + 1 }, (_, i): [number, number] => [from + i, weight(from + i)]);
  return [
    ...normalised(
      SHORT_WEIGHTS.map((weight, i) => [i + 1, weight]),
      SHORT_SHARE,
    ),
    // Notes run in whole weeks, so episodes ending on a week boundary are twice as frequent.
    ...normalised(
      range(17, 56, (days) => Math.exp(-(days - 17) / 18) * (days % 7 === 0 ? 2 : 1)),
      MEDIUM_SHARE,
    ),
    ...normalised(
      range(57, MAKSDATO_DAYS - 1, (days) => Math.exp(-(days - 57) / LONG_TAIL_DAYS)),
      LONG_SHARE * (1 - REACHES_MAKSDATO),
    ),
    [MAKSDATO_DAYS, LONG_SHARE * REACHES_MAKSDATO],
  ];
}

/**
 * P(graded | length): 21 % of episodes graded, 46 % of those lasting 12 weeks or more. About 12 %
 * of episodes last 12 weeks or more, so 81 % of them are graded; the rest of the graded ones are
 * spread over shorter episodes (7 % of the short, 27 % of the middle ones).
 */
function gradedProbability(days: number): number {
  if (days <= 16) return 0.07;
  return days < 84 ? 0.273 : 0.81;
}

/** Grades as the percentage on sick leave (1–99); 50 % is by far the most common. */
const GRADE = new WeightedChoice<number>([
  [20, 0.05],
  [30, 0.05],
  [40, 0.15],
  [50, 0.45],
  [60, 0.15],
  [80, 0.15],
]);
/** Notes are mostly 14 days (handbook §11); later notes of long episodes are often longer. */
const FIRST_NOTE_DAYS = new WeightedChoice<number>([
  [14, 0.65],
  [7, 0.15],
  [10, 0.1],
  [21, 0.1],
]);
const LATER_NOTE_DAYS = new WeightedChoice<number>([
  [14, 0.55],
  [21, 0.15],
  [28, 0.25],
  [7, 0.05],
]);
/** Episodes closer than 16 non-sick days are one tilfelle (§3.2), so the next onset waits for the gap. */
const GAP_DAYS = 16;
/** A share of employees' episodes start with 1–3 self-certified days (egenmelding). */
const EGENMELDING_SHARE = 0.35;

/** Lengths of the notes an episode of `days` days is split into. */
function noteLengths(days: number, random: SeededRandom): number[] {
  if (days <= 16) return [days];
  const lengths: number[] = [];
  for (let remaining = days; remaining > 0; ) {
    let length = Math.min(remaining, (lengths.length === 0 ? FIRST_NOTE_DAYS : LATER_NOTE_DAYS).pick(random));
    if (remaining - length < 4) length = remaining; // no stub note of a few days at the end
    lengths.push(length);
    remaining -= length;
  }
  return lengths;
}

/**
 * Notes of one episode. A graded episode under 12 weeks is graded throughout or after a first
 * full note; a longer one is full for its first 2–6 weeks and then graded, sometimes stepping down.
 */
function planNotes(fom: number, days: number, random: SeededRandom): NotePlan[] {
  const lengths = noteLengths(days, random);
  const graded = random.chance(gradedProbability(days));
  const fullDays = !graded ? days : days >= 84 ? random.int(14, 42) : lengths.length > 1 && random.chance(0.5) ? lengths[0]! : 0;
  let grade = GRADE.pick(random);
  let start = fom;
  let full = 0;
  return lengths.map((length) => {
    const note: NotePlan = { fom: start, tom: start + length - 1, grade: full < fullDays ? undefined : grade };
    if (note.grade !== undefined && random.chance(0.25)) grade = Math.max(20, grade - 20);
    full += length;
    start += length;
    return note;
  });
}

/**
 * The expected sick-day equivalents (days × grade) and blocked days (egenmelding, legemeldt days and
 * the 16-day gap that must follow) of one episode, for turning a target percentage into an onset
 * rate. Worked out once by simulating the episode model on a fixed stream.
 */
export const EPISODE_MOMENTS = (() => {
  const random = SeededRandom.stream(0, 0xe915);
  const samples = 200_000;
  let equivalent = 0;
  let blocked = 0;
  for (let n = 0; n < samples; n += 1) {
    const days = DURATION.pick(random);
    equivalent += planNotes(0, days, random).reduce((sum, note) => sum + (note.tom - note.fom + 1) * ((note.grade ?? 100) / 100), 0);
    blocked += days + (random.chance(EGENMELDING_SHARE) ? random.int(1, 3) : 0) + GAP_DAYS + 0.5;
  }
  return { meanEquivalentDays: equivalent / samples, meanBlockedDays: blocked / samples };
})();

// ---- Onsets: seasonality, risk, recurrence ------------------------------------------------------

/**
 * Onset intensity by month, tuned so that the quarterly sick-leave percentages come out at the
 * published seasonal index (1.10, 0.99, 0.87, 1.05): winter infections, the summer holiday.
 */
const MONTH_ONSET = [1.27, 1.2, 1.05, 0.97, 0.96, 0.86, 0.55, 0.93, 1.04, 1.12, 1.18, 1.02];
/** Person frailty: gamma with mean 1 and variance 1/shape; it is what makes sick leave recur in the same people. */
const FRAILTY_SHAPE = 1.5;

export interface SickLeaveContext {
  readonly seed: number;
  readonly simulationFirst: number;
  readonly spanFirst: number;
  readonly spanLast: number;
  /** Episodes per person-year at relative risk 1, before the time spent sick is taken out. */
  readonly baseRatePerYear: number;
  readonly onsetMultiplier: Float64Array;
  readonly maxMultiplier: number;
  readonly dates: DateCache;
}

export function sickLeaveContext(options: SickLeaveOptions): SickLeaveContext {
  if (!(options.lastYear >= options.firstYear)) throw new RangeError(`last year before first: ${options.firstYear}–${options.lastYear}`);
  const simulationFirst = epochDay(simulationFirstDay(options.firstYear));
  const spanFirst = epochDay(`${options.firstYear}-01-01`);
  const spanLast = epochDay(`${options.lastYear}-12-31`);
  const dates = new DateCache(simulationFirst - 10, spanLast + 2 * MAKSDATO_DAYS);
  // Normalised to a mean of 1 over the simulated days, so seasonality moves sick leave, never adds to it.
  const onsetMultiplier = Float64Array.from({ length: spanLast - simulationFirst + 1 }, (_, i) => MONTH_ONSET[dates.month(simulationFirst + i) - 1]!);
  const mean = onsetMultiplier.reduce((sum, value) => sum + value, 0) / onsetMultiplier.length;
  onsetMultiplier.forEach((value, i) => (onsetMultiplier[i] = value / mean));
  return {
    seed: options.seed,
    simulationFirst,
    spanFirst,
    spanLast,
    baseRatePerYear: ((MODEL_TARGETS.nationalPercent / 100) * 365.25) / EPISODE_MOMENTS.meanEquivalentDays,
    onsetMultiplier,
    maxMultiplier: Math.max(...onsetMultiplier),
    dates,
  };
}

/**
 * A person's episodes that reach into the reported years. Onsets follow a seasonal Poisson process
 * (by thinning) whose clock only runs while the person is at risk; its rate is raised by the time
 * spent sick so that the long-run episode rate is exactly the person's risk × the base rate.
 */
export function planEpisodes(person: SyntheticPerson, context: SickLeaveContext): Episode[] {
  const random = SeededRandom.stream(context.seed, STREAM.sickLeave, person.index);
  if (!(person.relativeRisk >= 0 && Number.isFinite(person.relativeRisk))) throw new RangeError(`person ${person.index} has relative risk ${person.relativeRisk}`);
  const perYear = context.baseRatePerYear * person.relativeRisk * random.gamma(FRAILTY_SHAPE, 1 / FRAILTY_SHAPE);
  const atRiskPerYear = perYear / Math.max(0.1, 1 - (perYear * EPISODE_MOMENTS.meanBlockedDays) / 365.25);
  const candidateRate = (atRiskPerYear / 365.25) * context.maxMultiplier;
  const employed = person.employments.length > 0;
  const episodes: Episode[] = [];
  let previous: Diagnosis | undefined;
  for (let t = context.simulationFirst + random.exponential(candidateRate); t <= context.spanLast; t += random.exponential(candidateRate)) {
    const onset = Math.floor(t);
    if (!random.chance(context.onsetMultiplier[onset - context.simulationFirst]! / context.maxMultiplier)) continue;
    const egenmeldingDays = employed && random.chance(EGENMELDING_SHARE) ? random.int(1, 3) : 0;
    const fom = onset + egenmeldingDays;
    const days = DURATION.pick(random);
    const notes = planNotes(fom, days, random);
    // Recurrence: a new episode often has the same cause as the last one.
    const diagnosis = previous && random.chance(0.4) ? previous : drawDiagnosis(random, days, context.dates.month(fom), person.gender);
    const episode: Episode = { onset, egenmeldingDays, fom, tom: fom + days - 1, notes, diagnosis };
    if (episode.tom >= context.spanFirst) episodes.push(episode);
    previous = diagnosis;
    t = episode.tom + GAP_DAYS + 1;
  }
  return episodes;
}

// ---- Diagnoses ----------------------------------------------------------------------------------

/** ICPC-2 from the fastlege; a few ICD-10 codes from specialists in long episodes. Weights: short, medium, long. */
const DIAGNOSES: readonly { readonly code: string; readonly system: 'ICPC2' | 'ICD10'; readonly weights: readonly [number, number, number]; readonly respiratory?: true; readonly women?: true }[] = [
  { code: 'R74', system: 'ICPC2', weights: [20, 3, 0.5], respiratory: true },
  { code: 'R80', system: 'ICPC2', weights: [8, 2, 0], respiratory: true },
  { code: 'R05', system: 'ICPC2', weights: [4, 1, 0], respiratory: true },
  { code: 'D73', system: 'ICPC2', weights: [10, 1, 0] },
  { code: 'L03', system: 'ICPC2', weights: [12, 10, 5] },
  { code: 'L84', system: 'ICPC2', weights: [3, 4, 3] },
  { code: 'L86', system: 'ICPC2', weights: [2, 6, 8] },
  { code: 'L92', system: 'ICPC2', weights: [2, 5, 6] },
  { code: 'L81', system: 'ICPC2', weights: [3, 4, 4] },
  { code: 'P02', system: 'ICPC2', weights: [6, 8, 3] },
  { code: 'P74', system: 'ICPC2', weights: [1, 5, 7] },
  { code: 'P76', system: 'ICPC2', weights: [1, 6, 10] },
  { code: 'P78', system: 'ICPC2', weights: [1, 5, 6] },
  { code: 'A04', system: 'ICPC2', weights: [5, 4, 2] },
  { code: 'N01', system: 'ICPC2', weights: [4, 1, 0] },
  { code: 'K86', system: 'ICPC2', weights: [0.5, 0.5, 1] },
  { code: 'W99', system: 'ICPC2', weights: [0.5, 4, 4], women: true },
  { code: 'M54.5', system: 'ICD10', weights: [0, 0, 2] },
  { code: 'F32.1', system: 'ICD10', weights: [0, 0, 2] },
  { code: 'F43.2', system: 'ICD10', weights: [0, 1, 2] },
  { code: 'C50.9', system: 'ICD10', weights: [0, 0, 1], women: true },
  { code: 'S82.0', system: 'ICD10', weights: [0, 0.5, 1] },
];
/** Respiratory infections peak in winter. */
const RESPIRATORY_BY_MONTH = [2, 2, 1.6, 1, 1, 0.4, 0.4, 0.4, 0.6, 1, 1.3, 2];

const DIAGNOSIS_CHOICES = new Map<string, WeightedChoice<Diagnosis>>();
function drawDiagnosis(random: SeededRandom, days: number, month: number, gender: 'F' | 'M'): Diagnosis {
  const length = days <= 16 ? 0 : days <= 56 ? 1 : 2;
  const key = `${length}|${month}|${gender}`;
  let choice = DIAGNOSIS_CHOICES.get(key);
  if (!choice) {
    choice = new WeightedChoice(
      DIAGNOSES.filter((entry) => gender === 'F' || !entry.women).map((entry) => [{ system: entry.system, code: entry.code }, entry.weights[length]! * (entry.respiratory ? RESPIRATORY_BY_MONTH[month - 1]! : 1)] as const),
    );
    DIAGNOSIS_CHOICES.set(key, choice);
  }
  return choice.pick(random);
}

// ---- Documents ----------------------------------------------------------------------------------

/** Shares of the document-level noise external systems produce. */
const NY_BEFORE_SENDT = 0.1;
const CORRECTED = 0.02;
const CANCELLED_DUPLICATE = 0.01;
const AVBRUTT_EXTRA = 0.005;
/** Handbook §11 default: 70 % answer a screening questionnaire. */
const SCREENING_ANSWER_SHARE = 0.7;
/** Sunnfjord scores: 21 % answer 1 or 2 (493 → 103, handbook §11). */
const SUNNFJORD_SCORE = new WeightedChoice<number>([
  [1, 0.08],
  [2, 0.13],
  [3, 0.24],
  [4, 0.27],
  [5, 0.28],
]);
const SUNNFJORD_DAY = 42;
const VEST_VIKEN_DAY = 56;
const TWENTY_SIX_WEEKS = 182;

/**
 * Everything case systems deliver about one person, in the order they would send it: arbeidsforhold,
 * then per episode its sick notes (some first as NY, a few corrected), søknader for the part NAV pays,
 * the screening answer, and the occasional note that is cancelled or aborted again.
 */
export function personDocuments(person: SyntheticPerson, context: SickLeaveContext): FeedItem[] {
  const random = SeededRandom.stream(context.seed, STREAM.sickLeave, person.index, 1);
  const dates = context.dates;
  const items: FeedItem[] = person.employments.map((employment, a) => {
    const at = `${employment.fom}T06:00:00Z`;
    return {
      kind: 'arbeidsforhold',
      at,
      submission: {
        sourceSystem: SOURCE_SYSTEM,
        sourceId: `s${context.seed}p${person.index}a${a}`,
        personIdent: person.ident,
        orgnr: employment.establishment.orgnr,
        hovedenhetOrgnr: employment.establishment.hovedenhetOrgnr,
        stillingsprosent: employment.stillingsprosent,
        fom: employment.fom,
        sentAt: at,
      },
    };
  });
  const employers = person.employments.length > 0 ? person.employments.map((employment) => employment.establishment.orgnr) : [undefined];
  planEpisodes(person, context).forEach((episode, e) => {
    const episodeId = `s${context.seed}p${person.index}e${e}`;
    const egenmelding = episode.egenmeldingDays > 0 ? [{ fom: dates.iso(episode.onset), tom: dates.iso(episode.fom - 1) }] : undefined;
    const noteFor = (note: NotePlan, n: number, orgnr: string | undefined, sourceId: string, status: SickNoteSubmission['status'], sentAt: string): SickNoteSubmission => ({
      sourceSystem: SOURCE_SYSTEM,
      sourceId,
      personIdent: person.ident,
      orgnr: status === 'SENDT' ? orgnr : undefined,
      status,
      issuedOn: dates.iso(n === 0 ? note.fom : note.fom - random.int(0, 2)),
      diagnosis: episode.diagnosis,
      periods: [note.grade === undefined ? { fom: dates.iso(note.fom), tom: dates.iso(note.tom), type: 'FULL' } : { fom: dates.iso(note.fom), tom: dates.iso(note.tom), type: 'GRADED', grade: note.grade }],
      egenmeldingsperioder: n === 0 ? egenmelding : undefined,
      issuerHpr: person.gpHpr,
      sentAt,
    });
    const finalStatus = (orgnr: string | undefined) => (orgnr === undefined ? 'BEKREFTET' : 'SENDT');

    episode.notes.forEach((note, n) => {
      employers.forEach((orgnr, a) => {
        const sourceId = `${episodeId}n${n}${employers.length > 1 ? `a${a}` : ''}`;
        const sent = dates.instant(note.fom - (n === 0 ? 0 : 1), random.int(7 * 60, 22 * 60));
        let final = noteFor(note, n, orgnr, sourceId, finalStatus(orgnr), sent);
        const noise = random.next();
        if (orgnr !== undefined && noise < NY_BEFORE_SENDT) {
          const early = dates.instant(note.fom - (n === 0 ? 0 : 1), random.int(6 * 60, 7 * 60 - 1));
          items.push({ kind: 'sick-note', at: early, submission: noteFor(note, n, orgnr, sourceId, 'NY', early) });
        } else if (noise < NY_BEFORE_SENDT + CORRECTED) {
          // First sent with a week too much, corrected the next day.
          items.push({ kind: 'sick-note', at: sent, submission: noteFor({ ...note, tom: note.tom + 7 }, n, orgnr, sourceId, finalStatus(orgnr), sent) });
          final = { ...final, sentAt: dates.instant(note.fom + (n === 0 ? 1 : 0), random.int(7 * 60, 22 * 60)) };
        }
        items.push({ kind: 'sick-note', at: final.sentAt!, submission: final });
        if (orgnr !== undefined && note.tom >= episode.onset + GAP_DAYS) items.push(soknad(note, n === 0 ? egenmelding : undefined, orgnr, `${sourceId}s`));
      });
    });

    const first = episode.notes[0]!;
    if (random.chance(CANCELLED_DUPLICATE)) {
      const sourceId = `${episodeId}x`;
      const sent = dates.instant(first.fom, random.int(7 * 60, 22 * 60));
      items.push({ kind: 'sick-note', at: sent, submission: noteFor(first, 0, employers[0], sourceId, finalStatus(employers[0]), sent) });
      items.push({ kind: 'cancellation', at: dates.instant(first.fom + 1, 9 * 60), submission: { sourceSystem: SOURCE_SYSTEM, sourceId, kind: 'SICK_NOTE', reason: 'Registrert to ganger ved en feil' } });
    }
    if (random.chance(AVBRUTT_EXTRA)) {
      const sourceId = `${episodeId}y`;
      const sent = dates.instant(first.fom, random.int(7 * 60, 22 * 60));
      const aborted = dates.instant(first.fom + 1, random.int(7 * 60, 22 * 60));
      items.push({ kind: 'sick-note', at: sent, submission: noteFor(first, 0, undefined, sourceId, 'NY', sent) });
      items.push({ kind: 'sick-note', at: aborted, submission: noteFor(first, 0, undefined, sourceId, 'AVBRUTT', aborted) });
    }
    const answer = screeningAnswer(episode, `${episodeId}q`);
    if (answer) items.push(answer);
  });
  return items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  function soknad(note: NotePlan, egenmeldinger: { fom: string; tom: string }[] | undefined, orgnr: string, sourceId: string): FeedItem {
    const sentAt = dates.instant(note.tom + random.int(1, 5), random.int(7 * 60, 23 * 60));
    return {
      kind: 'soknad',
      at: sentAt,
      submission: {
        sourceSystem: SOURCE_SYSTEM,
        sourceId,
        personIdent: person.ident,
        orgnr,
        fom: dates.iso(note.fom),
        tom: dates.iso(note.tom),
        ferie: [],
        permisjon: [],
        egenmeldinger: egenmeldinger ?? [],
        behandlingsdager: [],
        korrigertArbeidstid: [],
        sentAt,
      },
    };
  }

  /**
   * Vest-Viken asks everyone sick-listed at 8 weeks (§4.2); elsewhere Sunnfjord's stoppunkt 2 asks
   * those 100 % sick-listed when passing 6 weeks (§4.3). 70 % answer.
   */
  function screeningAnswer(episode: Episode, sourceId: string): FeedItem | undefined {
    const sickDays = episode.tom - episode.onset + 1;
    const common = { sourceSystem: SOURCE_SYSTEM, sourceId, personIdent: person.ident };
    if (person.region === 'vest-viken') {
      if (sickDays < VEST_VIKEN_DAY || !random.chance(SCREENING_ANSWER_SHARE)) return undefined;
      const answeredAt = dates.instant(episode.onset + VEST_VIKEN_DAY - 1 + random.int(0, 13), random.int(8 * 60, 22 * 60));
      const long = episode.tom - episode.onset + 1 > TWENTY_SIX_WEEKS;
      const q3 = maybe(long ? VV_Q3_LONG.pick(random) : VV_Q3_SHORT.pick(random));
      return {
        kind: 'screening-answer',
        at: answeredAt,
        submission: {
          ...common,
          answeredAt,
          sentAt: answeredAt,
          questionnaire: 'VV_MS_8W',
          q1: maybe(VV_Q1.pick(random)),
          q2: maybe(VV_Q2.pick(random)),
          q3,
          q3UnsureReason: q3 === '3:3' ? VV_UNSURE_REASON.pick(random) : undefined,
          optOut: random.chance(0.05),
        },
      };
    }
    const sixWeeks = episode.onset + SUNNFJORD_DAY - 1;
    const fullAtSixWeeks = episode.notes.some((note) => note.fom <= sixWeeks && note.tom >= sixWeeks && note.grade === undefined);
    if (sickDays < SUNNFJORD_DAY || !fullAtSixWeeks || !random.chance(SCREENING_ANSWER_SHARE)) return undefined;
    const answeredAt = dates.instant(sixWeeks + random.int(0, 6), random.int(8 * 60, 22 * 60));
    return { kind: 'screening-answer', at: answeredAt, submission: { ...common, answeredAt, sentAt: answeredAt, questionnaire: 'SF_SP2', score: SUNNFJORD_SCORE.pick(random) } };
  }

  /** Now and then a question is left unanswered. */
  function maybe<T>(value: T): T | undefined {
    return random.chance(0.03) ? undefined : value;
  }
}

const VV_Q1 = new WeightedChoice<(typeof VV_MS_8W_Q1_ANSWERS)[number]>([
  ['1:1', 0.6],
  ['1:2', 0.28],
  ['1:3', 0.12],
]);
const VV_Q2 = new WeightedChoice<(typeof VV_MS_8W_Q2_ANSWERS)[number]>([
  ['2:1', 0.8],
  ['2:2', 0.1],
  ['2:3', 0.1],
]);
const VV_Q3_SHORT = new WeightedChoice<(typeof VV_MS_8W_Q3_ANSWERS)[number]>([
  ['3:1', 0.7],
  ['3:2', 0.1],
  ['3:3', 0.2],
]);
const VV_Q3_LONG = new WeightedChoice<(typeof VV_MS_8W_Q3_ANSWERS)[number]>([
  ['3:1', 0.15],
  ['3:2', 0.6],
  ['3:3', 0.25],
]);
const VV_UNSURE_REASON = new WeightedChoice<(typeof VV_MS_8W_Q3_UNSURE_REASONS)[number]>([
  ['TREATMENT_OUTCOME', 0.6],
  ['OTHER', 0.4],
]);
