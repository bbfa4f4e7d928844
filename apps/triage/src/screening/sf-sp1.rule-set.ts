import { addDays, addMonthsClamped, daysBetween, isoDayOfWeek, isoWeekOf, type LocalDate } from '@syfo/local-date';
import { checkOrgnr } from '@syfo/norwegian-ids';

import type { RuleSetDefinition, RuleSetRef, RuleTrace, ScreeningDecision } from './screening.types';

/**
 * Sunnfjord stoppunkt 1 employer call, version 1 (handbook §4.4). The Monday batch groups the employees who
 * passed 6 weeks at 100 % in the 7 days before it by underenhet and decides once per employer. E3 and E4 are
 * both judged (not first match): suppression removes the call task, escalation to the Arbeidslivssenter (ALS)
 * happens either way. The decision stays in triage; only `stoppunkt1Task` goes to the CRM, and it holds no
 * employee data and no count (a count at a small employer could point at a person).
 */

export const SF_SP1_OUTCOMES = ['CALL', 'SUPPRESSED', 'ESCALATE_TO_ALS'] as const;
export type SfSp1Outcome = (typeof SF_SP1_OUTCOMES)[number];

export interface SfSp1Candidate {
  /** An opaque key for the candidate (never a person ident), so a decision can be traced back inside triage. */
  readonly candidateKey: string;
  /** The underenhet the employee works at. */
  readonly orgnr: string;
  readonly passedOn: LocalDate;
  /** The sick-leave grade when passing 6 weeks. */
  readonly gradePercent: number;
}

export interface SfSp1EmployerFacts {
  /** Earlier batch dates the orgnr appeared in; those older than 12 months are ignored. */
  readonly previousAppearances: readonly LocalDate[];
  readonly lastCallOn: LocalDate | null;
  /** Employees at the underenhet 100 % sick-listed now, this batch's candidates included. */
  readonly concurrentFullSickListed: number;
}

export interface SfSp1BatchInput {
  /** A Monday; the batch runs at 06:00 that day. */
  readonly batchDate: LocalDate;
  readonly candidates: readonly SfSp1Candidate[];
  /** By orgnr; every orgnr with a candidate in the window needs an entry. */
  readonly employers: Readonly<Record<string, SfSp1EmployerFacts>>;
}

export interface SfSp1Config {
  /** E3: no new call when the last call was at most this many days before the batch (inclusive). */
  readonly suppressDays: number;
}

/** E3 default [DESIGN]; the source says "some months", at discretion. */
export const SF_SP1_V1_DEFAULTS: SfSp1Config = { suppressDays: 90 };

/** The CRM's STOPPUNKT1_CALL task: the employer and the week, nothing about any employee. */
export interface Stoppunkt1Task {
  readonly orgnr: string;
  readonly isoWeek: string;
  readonly batchDate: LocalDate;
}

export interface SfSp1Decision extends ScreeningDecision<SfSp1Outcome> {
  readonly orgnr: string;
  /** Null when E3 suppressed the call. */
  readonly stoppunkt1Task: Stoppunkt1Task | null;
}

export const SF_SP1_SKIP_REASONS = ['GRADED', 'OUTSIDE_WINDOW'] as const;
export type SfSp1SkipReason = (typeof SF_SP1_SKIP_REASONS)[number];

export interface SfSp1BatchResult {
  readonly batchDate: LocalDate;
  readonly isoWeek: string;
  /** One per orgnr (E2), ordered by orgnr. */
  readonly decisions: readonly SfSp1Decision[];
  /** Candidates E1 left out, with why. */
  readonly skipped: readonly { readonly candidateKey: string; readonly reason: SfSp1SkipReason }[];
}

/** E3 suppressed the call: the employer may still be called again at the caller's discretion. */
export const FLAG_RECALL_CANDIDATE = 'RECALL_CANDIDATE';

const REF: RuleSetRef = { id: 'SF-SP1', version: 1 };
const FULL_SICK_LEAVE = 100;
const BATCH_WINDOW_DAYS = 7;
const ESCALATION_WINDOW_MONTHS = 12;
const ESCALATION_APPEARANCES = 3;
const ESCALATION_CONCURRENT = 2;
const MONDAY = 1;

function assertCandidate(candidate: SfSp1Candidate): void {
  if (/\d{11}/.test(candidate.candidateKey)) {
    throw new Error('SF-SP1 candidate keys must be opaque ids: a key holds eleven digits in a row, which could be a fødselsnummer');
  }
  const orgnr = checkOrgnr(candidate.orgnr);
  if (!orgnr.ok) throw new Error(`SF-SP1 candidate ${candidate.candidateKey}: orgnr '${candidate.orgnr}' is invalid (${orgnr.message})`);
}

interface Window {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

function decide(orgnr: string, candidates: readonly SfSp1Candidate[], input: SfSp1BatchInput, window: Window, config: SfSp1Config): SfSp1Decision {
  const employer = input.employers[orgnr];
  if (!employer) throw new Error(`SF-SP1 batch ${input.batchDate}: no employer facts for orgnr ${orgnr}`);
  const { batchDate } = input;

  const escalationFrom = addMonthsClamped(batchDate, -ESCALATION_WINDOW_MONTHS);
  const earlier = [...new Set(employer.previousAppearances.filter((date) => date >= escalationFrom && date < batchDate))].sort();
  const appearances = earlier.length + 1;
  const daysSinceCall = employer.lastCallOn === null ? null : daysBetween(employer.lastCallOn, batchDate);
  // A call dated on or after the batch day counts as recent too: never call twice.
  const suppressed = daysSinceCall !== null && daysSinceCall <= config.suppressDays;
  const tooOften = appearances >= ESCALATION_APPEARANCES;
  const concurrent = employer.concurrentFullSickListed >= ESCALATION_CONCURRENT;
  const escalate = tooOften || concurrent;

  const e3 = suppressed
    ? `E3: called on ${employer.lastCallOn}, ${daysSinceCall} days before the batch (within ${config.suppressDays}); no call task, flagged for a possible re-call`
    : null;
  const e4 = escalate
    ? `E4: ${[tooOften ? `${appearances} appearances in 12 months` : null, concurrent ? `${employer.concurrentFullSickListed} employees 100 % sick-listed at once` : null]
        .filter((part) => part !== null)
        .join(' and ')}; escalated to the Arbeidslivssenter${suppressed ? '' : ' with a call task'}`
    : null;

  const trace: RuleTrace[] = [
    { rule: 'E1', matched: true, detail: `${candidates.length} passed 6 weeks at 100 % from ${window.from} to ${window.to}` },
    { rule: 'E2', matched: candidates.length > 1, detail: `${candidates.length} candidates at the orgnr; one decision and at most one task` },
    {
      rule: 'E3',
      matched: suppressed,
      detail: `last call ${employer.lastCallOn ?? 'never'}${daysSinceCall === null ? '' : `, ${daysSinceCall} days before the batch`}; suppressed within ${config.suppressDays} days`,
    },
    {
      rule: 'E4',
      matched: escalate,
      detail: `${appearances} appearances in 12 months counting this batch (from ${ESCALATION_APPEARANCES}); ${employer.concurrentFullSickListed} concurrent 100 % sick-listed (from ${ESCALATION_CONCURRENT})`,
    },
    { rule: 'E5', matched: !suppressed && !escalate, detail: 'neither suppressed nor escalated' },
  ];

  const outcome: SfSp1Outcome = escalate ? 'ESCALATE_TO_ALS' : suppressed ? 'SUPPRESSED' : 'CALL';
  return {
    ruleSet: REF,
    orgnr,
    outcome,
    rule: escalate ? 'E4' : suppressed ? 'E3' : 'E5',
    reasons: [e4, e3, escalate || suppressed ? null : 'E5: a stoppunkt-1 call to the employer'].filter((reason) => reason !== null),
    trace,
    inputs: {
      batchDate,
      orgnr,
      window: { from: window.from, to: window.to },
      candidateKeys: candidates.map((candidate) => candidate.candidateKey).sort(),
      previousAppearancesIn12Months: earlier,
      lastCallOn: employer.lastCallOn,
      concurrentFullSickListed: employer.concurrentFullSickListed,
      config: { suppressDays: config.suppressDays },
    },
    messageTemplate: null,
    workItems: [],
    reviewAt: null,
    flags: suppressed ? [FLAG_RECALL_CANDIDATE] : [],
    stoppunkt1Task: suppressed ? null : { orgnr, isoWeek: isoWeekOf(batchDate), batchDate },
  };
}

export function evaluateSfSp1Batch(input: SfSp1BatchInput, config: SfSp1Config = SF_SP1_V1_DEFAULTS): SfSp1BatchResult {
  if (isoDayOfWeek(input.batchDate) !== MONDAY) throw new RangeError(`SF-SP1 batch date ${input.batchDate} is not a Monday`);
  // E1: the 7 days before the batch day, the batch day itself excluded (it belongs to the next batch).
  const window: Window = { from: addDays(input.batchDate, -BATCH_WINDOW_DAYS), to: addDays(input.batchDate, -1) };
  const byOrgnr = new Map<string, SfSp1Candidate[]>();
  const skipped: { candidateKey: string; reason: SfSp1SkipReason }[] = [];
  for (const candidate of input.candidates) {
    assertCandidate(candidate);
    if (candidate.gradePercent < FULL_SICK_LEAVE) skipped.push({ candidateKey: candidate.candidateKey, reason: 'GRADED' });
    else if (candidate.passedOn < window.from || candidate.passedOn > window.to) skipped.push({ candidateKey: candidate.candidateKey, reason: 'OUTSIDE_WINDOW' });
    else byOrgnr.set(candidate.orgnr, [...(byOrgnr.get(candidate.orgnr) ?? []), candidate]);
  }
  const decisions = [...byOrgnr.keys()].sort().map((orgnr) => decide(orgnr, byOrgnr.get(orgnr) ?? [], input, window, config));
  return { batchDate: input.batchDate, isoWeek: isoWeekOf(input.batchDate), decisions, skipped };
}

export const SF_SP1_V1: RuleSetDefinition<SfSp1Config, typeof evaluateSfSp1Batch> = {
  ref: REF,
  summary: 'Sunnfjord stoppunkt 1: one call per employer from the Monday batch of 6-week 100 % candidates (handbook §4.4)',
  defaults: SF_SP1_V1_DEFAULTS,
  evaluate: evaluateSfSp1Batch,
};
