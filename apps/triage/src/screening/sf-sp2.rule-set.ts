import type { ScreeningAnswerReceived } from '@syfo/contracts';
import { addDays, type LocalDate } from '@syfo/local-date';

import {
  firstMatch,
  screeningItem,
  type DecisionRow,
  type RuleSetDefinition,
  type RuleSetRef,
  type RuleTrace,
  type ScreeningDecision,
} from './screening.types';

/**
 * Sunnfjord stoppunkt 2, version 1 (handbook §4.3): a person 100 % sick-listed when passing 6 weeks rates
 * "I expect to be back at work in a few weeks" from 1 (very badly) to 5 (very well); low scores get a
 * motivational-interview (MI) call. Table order, first match wins; S5 is a flag beside the outcome, not a row
 * that decides. Outcomes beyond S1–S4 [DESIGN]: NOT_ELIGIBLE (graded), MANUAL_EXCLUSION, SEND_QUESTIONNAIRE
 * (a veileder sends the statement, §4.1), AWAITING_ANSWER (before the deadline) and UNREACHABLE.
 */

export const SF_SP2_OUTCOMES = [
  'NOT_ELIGIBLE',
  'MANUAL_EXCLUSION',
  'SEND_QUESTIONNAIRE',
  'UNREACHABLE',
  'MI_CALL',
  'NO_FOLLOW_UP',
  'AWAITING_ANSWER',
  'NO_ANSWER',
] as const;
export type SfSp2Outcome = (typeof SF_SP2_OUTCOMES)[number];

/** The informal exclusions the source reports (§4.3); allowed only as a recorded, reported MANUAL_EXCLUSION. */
export const SF_SP2_MANUAL_EXCLUSION_REASONS = ['PREGNANCY_LEAVE_WITHIN_4_WEEKS', 'NEAR_PENSION', 'SERIOUS_DIAGNOSIS', 'OTHER'] as const;
export type SfSp2ManualExclusionReason = (typeof SF_SP2_MANUAL_EXCLUSION_REASONS)[number];

export type SfSp2Score = Extract<ScreeningAnswerReceived, { questionnaire: 'SF_SP2' }>['score'];

export interface SfSp2Facts {
  /** The day the person passed 6 weeks (start + 42); it keys the work items. */
  readonly triggerOn: LocalDate;
  /** The sick-leave grade when passing 6 weeks. */
  readonly gradePercent: number;
  /** Set by a veileder with who/when (§4.6); null when not excluded. */
  readonly manualExclusion: SfSp2ManualExclusionReason | null;
  /** Null until the statement is sent; a re-send is recorded as a new sentOn. */
  readonly sentOn: LocalDate | null;
  /** 1–5; null while unanswered. */
  readonly score: SfSp2Score | null;
  readonly failedCallAttempts: number;
  /** Earlier appearances of the person on the 6-week list (S5). */
  readonly previousAppearances: number;
}

export interface SfSp2Config {
  /** S2: a score of 3 (neither) also gets an MI call; under consideration in the pilot. */
  readonly includeMiddle: boolean;
  /** Days after sending of the response deadline, the last day an answer counts as in time [DESIGN]. */
  readonly responseDeadlineDays: number;
}

export const SF_SP2_V1_DEFAULTS: SfSp2Config = { includeMiddle: false, responseDeadlineDays: 14 };

/** After this many failed call attempts the person is UNREACHABLE [DESIGN]. */
export const SF_SP2_MAX_CALL_ATTEMPTS = 3;

export const SF_SP2_MESSAGE_TEMPLATES = {
  QUESTIONNAIRE: 'SF_SP2_QUESTIONNAIRE',
  /** Optional: proposes a time for the call. */
  MI_CALL_BOOKING: 'SF_SP2_MI_CALL_BOOKING',
  ACKNOWLEDGEMENT: 'SF_SP2_ACKNOWLEDGEMENT',
} as const;

export const FLAG_REPEAT_APPEARANCE = 'REPEAT_APPEARANCE';
/** S4: the statement may be sent again, capacity permitting. */
export const FLAG_RESEND_OPTIONAL = 'RESEND_OPTIONAL';

export type SfSp2Decision = ScreeningDecision<SfSp2Outcome>;

const REF: RuleSetRef = { id: 'SF-SP2', version: 1 };
const FULL_SICK_LEAVE = 100;

interface Context {
  readonly facts: SfSp2Facts;
  readonly today: LocalDate;
  readonly config: SfSp2Config;
  readonly responseDeadline: LocalDate | null;
}

type Row = DecisionRow<Context, SfSp2Outcome>;

const check = (matched: boolean, detail: string) => ({ matched, detail });
const scoreDetail = ({ facts }: Context): string => (facts.score === null ? 'no answer' : `score ${facts.score}`);

const TABLE: readonly Row[] = [
  {
    rule: 'GRADED',
    outcome: 'NOT_ELIGIBLE',
    reason: 'GRADED: not 100 % sick-listed when passing 6 weeks; graded sick leave is not screened',
    test: ({ facts }) => check(facts.gradePercent < FULL_SICK_LEAVE, `graded ${facts.gradePercent} % at 6 weeks; only 100 % is screened`),
  },
  {
    rule: 'MANUAL_EXCLUSION',
    outcome: 'MANUAL_EXCLUSION',
    reason: ({ facts }) => `MANUAL_EXCLUSION: excluded by a veileder for ${facts.manualExclusion}; recorded and reported, as the model excludes no one`,
    test: ({ facts }) => check(facts.manualExclusion !== null, `manual exclusion ${facts.manualExclusion ?? 'none'}`),
  },
  {
    rule: 'SEND',
    outcome: 'SEND_QUESTIONNAIRE',
    reason: 'SEND: eligible and nothing sent yet; a veileder sends the statement',
    test: ({ facts }) => check(facts.sentOn === null && facts.score === null, facts.sentOn ? `sent on ${facts.sentOn}` : 'not sent'),
  },
  {
    rule: 'UNREACHABLE',
    outcome: 'UNREACHABLE',
    reason: `UNREACHABLE: ${SF_SP2_MAX_CALL_ATTEMPTS} call attempts failed`,
    test: ({ facts }) =>
      check(facts.failedCallAttempts >= SF_SP2_MAX_CALL_ATTEMPTS, `${facts.failedCallAttempts} failed call attempts; unreachable from ${SF_SP2_MAX_CALL_ATTEMPTS}`),
  },
  {
    rule: 'S1',
    outcome: 'MI_CALL',
    reason: 'S1: the statement fits badly or very badly (score 1–2); MI call, never about the aktivitetskrav',
    test: (context) => check(context.facts.score !== null && context.facts.score <= 2, `${scoreDetail(context)}; calls on 1–2`),
  },
  {
    rule: 'S2',
    outcome: 'MI_CALL',
    reason: 'S2: neither (score 3) and includeMiddle is set; MI call, never about the aktivitetskrav',
    test: (context) =>
      check(context.facts.score === 3 && context.config.includeMiddle, `${scoreDetail(context)}; includeMiddle ${context.config.includeMiddle ? 'on' : 'off'}`),
  },
  {
    rule: 'S3',
    outcome: 'NO_FOLLOW_UP',
    reason: 'S3: any other score; no follow-up beyond the statutory stoppunkter, an acknowledgement is drafted',
    test: (context) => check(context.facts.score !== null, scoreDetail(context)),
  },
  {
    rule: 'AWAITING',
    outcome: 'AWAITING_ANSWER',
    reason: 'AWAITING: no answer yet and the deadline has not passed; not decided',
    test: ({ today, responseDeadline }) =>
      check(responseDeadline !== null && today <= responseDeadline, `no answer; deadline ${responseDeadline ?? 'none'}`),
  },
  {
    rule: 'S4',
    outcome: 'NO_ANSWER',
    reason: 'S4: no answer by the deadline; the statement may be sent again, capacity permitting',
    test: ({ responseDeadline }) => check(true, `no answer; deadline ${responseDeadline ?? 'none'} passed`),
  },
];

function consequencesOf(outcome: SfSp2Outcome, context: Context): Pick<SfSp2Decision, 'messageTemplate' | 'workItems' | 'reviewAt' | 'flags'> {
  const base = { ruleSet: REF.id, triggerOn: context.facts.triggerOn, today: context.today };
  const none = { messageTemplate: null, workItems: [], reviewAt: null, flags: [] };
  switch (outcome) {
    case 'SEND_QUESTIONNAIRE': {
      const messageTemplate = SF_SP2_MESSAGE_TEMPLATES.QUESTIONNAIRE;
      return { ...none, messageTemplate, workItems: [screeningItem({ ...base, type: 'SCREENING_SF_SP2', priority: 'INFO', messageTemplate })] };
    }
    case 'MI_CALL': {
      const messageTemplate = SF_SP2_MESSAGE_TEMPLATES.MI_CALL_BOOKING;
      return { ...none, messageTemplate, workItems: [screeningItem({ ...base, type: 'MI_CALL', priority: 'MAP', messageTemplate })] };
    }
    case 'NO_FOLLOW_UP':
      return { ...none, messageTemplate: SF_SP2_MESSAGE_TEMPLATES.ACKNOWLEDGEMENT };
    case 'AWAITING_ANSWER':
      return { ...none, reviewAt: context.responseDeadline && addDays(context.responseDeadline, 1) };
    case 'NO_ANSWER':
      return { ...none, messageTemplate: SF_SP2_MESSAGE_TEMPLATES.QUESTIONNAIRE, flags: [FLAG_RESEND_OPTIONAL] };
    case 'NOT_ELIGIBLE':
    case 'MANUAL_EXCLUSION':
    case 'UNREACHABLE':
      return none;
  }
}

export function evaluateSfSp2(facts: SfSp2Facts, today: LocalDate, config: SfSp2Config = SF_SP2_V1_DEFAULTS): SfSp2Decision {
  if (facts.score !== null && !(Number.isInteger(facts.score) && facts.score >= 1 && facts.score <= 5)) {
    throw new RangeError(`SF-SP2 score must be a whole number 1–5, got ${facts.score}`);
  }
  const context: Context = { facts, today, config, responseDeadline: facts.sentOn && addDays(facts.sentOn, config.responseDeadlineDays) };
  const match = firstMatch(TABLE, context);
  const repeat = facts.previousAppearances > 0;
  // S5 is judged for every decision: a repeat matters most when deciding whether to send again.
  const s5: RuleTrace = { rule: 'S5', matched: repeat, detail: `${facts.previousAppearances} earlier appearances on the 6-week list; flag only` };
  const consequences = consequencesOf(match.outcome, context);
  return {
    ruleSet: REF,
    outcome: match.outcome,
    rule: match.rule,
    reasons: [match.reason, ...(repeat ? ['S5: the person is on the list again; the veileder judges whether to follow up again'] : [])],
    trace: [...match.trace, s5],
    inputs: {
      today,
      triggerOn: facts.triggerOn,
      gradePercent: facts.gradePercent,
      manualExclusion: facts.manualExclusion,
      sentOn: facts.sentOn,
      responseDeadline: context.responseDeadline,
      score: facts.score,
      failedCallAttempts: facts.failedCallAttempts,
      previousAppearances: facts.previousAppearances,
      config: { includeMiddle: config.includeMiddle, responseDeadlineDays: config.responseDeadlineDays },
    },
    ...consequences,
    flags: [...consequences.flags, ...(repeat ? [FLAG_REPEAT_APPEARANCE] : [])],
  };
}

export const SF_SP2_V1: RuleSetDefinition<SfSp2Config, typeof evaluateSfSp2> = {
  ref: REF,
  summary: 'Sunnfjord stoppunkt 2: job-expectation score at 6 weeks at 100 %, MI call on low scores (handbook §4.3)',
  defaults: SF_SP2_V1_DEFAULTS,
  evaluate: evaluateSfSp2,
};
