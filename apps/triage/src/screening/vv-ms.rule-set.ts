import { VV_MS_8W_Q3_UNSURE, type ScreeningAnswerReceived } from '@syfo/contracts';
import { addDays, maxDate, type LocalDate } from '@syfo/local-date';

import {
  firstMatch,
  screeningItem,
  type DecisionRow,
  type JsonObject,
  type RuleSetDefinition,
  type RuleSetRef,
  type ScreeningDecision,
} from './screening.types';

/**
 * Vest-Viken "Morgendagens SYFO" at 8 weeks, version 1 (handbook §4.2): exclusions first, then the decision
 * table, first match wins. Outcomes beyond the handbook's table [DESIGN]:
 * - SEND_QUESTIONNAIRE: not excluded and nothing sent yet; a veileder sends the three questions (§4.1).
 * - AWAITING_ANSWER: sent, no answer, deadline not passed: not decided yet.
 * - REMIND: N3's first half, for a non-responder graded below 30 % once the reminder is due.
 * - IKKE_AKTUELL_NA_NO_ANSWER: N3's second half, no answer after the reminder and the deadline. It rests like
 *   IKKE_AKTUELL_NA (same message, same re-entry) but keeps its own name so the pilot's evaluation can tell
 *   a person who said "no need" from one who never answered.
 */

export const VV_MS_OUTCOMES = [
  'EXCLUDED',
  'SEND_QUESTIONNAIRE',
  'AWAITING_ANSWER',
  'REMIND',
  'MAP',
  'IKKE_AKTUELL_NA',
  'POSTPONE',
  'IKKE_AKTUELL_NA_NO_ANSWER',
] as const;
export type VvMsOutcome = (typeof VV_MS_OUTCOMES)[number];

export const VV_MS_EXCLUSION_CODES = ['EX_AGE_65', 'EX_SERIOUS_DIAGNOSIS', 'EX_CANNOT_PARTICIPATE', 'EX_PREGNANCY', 'EX_UFORE100_POS50'] as const;
export type VvMsExclusionCode = (typeof VV_MS_EXCLUSION_CODES)[number];

/**
 * Gaps resolved (6): a serious diagnosis is a veileder's judgement with a basis. KURANT (a routine case) and
 * CLEARLY_UNABLE (clearly unable to work) are the handbook's "alvorlig diagnose"; TEMP_UNABLE is the source's
 * "midlertidig ute av stand til å medvirke i egen sak", so it excludes as EX_CANNOT_PARTICIPATE.
 */
export const SERIOUS_DIAGNOSIS_BASES = ['KURANT', 'CLEARLY_UNABLE', 'TEMP_UNABLE'] as const;
export type SeriousDiagnosisBasis = (typeof SERIOUS_DIAGNOSIS_BASES)[number];

type VvMsAnswerEvent = Extract<ScreeningAnswerReceived, { questionnaire: 'VV_MS_8W' }>;
/** The coded answer as intake publishes it; an unanswered question is null. */
export type VvMsAnswer = Pick<VvMsAnswerEvent, 'q1' | 'q2' | 'q3' | 'q3UnsureReason' | 'optOut'>;
type Q1 = NonNullable<VvMsAnswer['q1']>;
type Q3 = NonNullable<VvMsAnswer['q3']>;

export interface VvMsQuestionnaire {
  readonly sentOn: LocalDate;
  readonly reminderSentOn: LocalDate | null;
}

export interface VvMsFacts {
  /** The 8-week trigger, start + 8w − 1; it keys the work items. */
  readonly triggerOn: LocalDate;
  /** Whole years on the trigger date, computed by the caller from the birth date. */
  readonly age: number;
  /** The sick-leave grade at the trigger. */
  readonly gradePercent: number;
  /** §3.3 recurring-absence flag. */
  readonly repeatedAbsence: boolean;
  // Judgement facts below are set by a veileder with who/when, never derived from diagnosis codes (§4.1).
  readonly seriousDiagnosis: SeriousDiagnosisBasis | null;
  /** Temporarily unable to take part in their own case. */
  readonly cannotParticipate: boolean;
  readonly pregnancyRelated: boolean;
  /** 100 % uføretrygd. */
  readonly ufore100: boolean;
  /** Total position (stillingsprosent); null when unknown, which cannot establish EX_UFORE100_POS50. */
  readonly positionPercent: number | null;
  readonly uncertainEligibility: boolean;
  /** Null until the questionnaire is sent. */
  readonly questionnaire: VvMsQuestionnaire | null;
  /** Null while nothing is answered; a partial answer has null questions. */
  readonly answer: VvMsAnswer | null;
}

export interface VvMsConfig {
  /** Days after sending when the one gentle reminder is due. */
  readonly reminderAfterDays: number;
  /** Days after sending of the response deadline, the last day an answer counts as in time. */
  readonly responseDeadlineDays: number;
}

/** §4.2 non-responders [DESIGN]: a reminder after 7 days, the deadline at 14. */
export const VV_MS_V1_DEFAULTS: VvMsConfig = { reminderAfterDays: 7, responseDeadlineDays: 14 };

/** Ids of the drafted messages; the texts live with the messaging templates, versioned there. */
export const VV_MS_MESSAGE_TEMPLATES = {
  QUESTIONNAIRE: 'VV_MS_QUESTIONNAIRE',
  REMINDER: 'VV_MS_REMINDER',
  /** The adapted greeting for those 65 or over, with a serious diagnosis or unable to take part. */
  EXCLUDED_ADAPTED: 'VV_MS_EXCLUDED_ADAPTED',
  MAPPING_INVITE: 'VV_MS_MAPPING_INVITE',
  MAPPING_INVITE_REPEATED_ABSENCE: 'VV_MS_MAPPING_INVITE_REPEATED_ABSENCE',
  /** "No need now, contact us if things change." */
  IKKE_AKTUELL_NA: 'VV_MS_IKKE_AKTUELL_NA',
} as const;

/** §4.2 Gates: no forhåndsvarsel at 8 weeks and never before mapping, so it holds while mapping is open or pending. */
export const FLAG_BLOCK_FORHANDSVARSEL = 'BLOCK_FORHANDSVARSEL_UNTIL_MAPPED';
/** §4.2/§4.6: the person opted out of the pilot's coded answer store; evaluation exports leave the answers out. */
export const FLAG_ANSWER_OPT_OUT = 'ANSWER_OPT_OUT';

export type VvMsDecision = ScreeningDecision<VvMsOutcome>;

const REF: RuleSetRef = { id: 'VV-MS', version: 1 };
const AGE_LIMIT = 65;
const POSITION_LIMIT = 50;
const GRADE_LIMIT = 30;
const ADAPTED_GREETING: ReadonlySet<string> = new Set<VvMsExclusionCode>(['EX_AGE_65', 'EX_SERIOUS_DIAGNOSIS', 'EX_CANNOT_PARTICIPATE']);

/** The answer with gaps resolved (5): missing Q1 = 1:2, missing Q3 = unsure with unknown reason. */
interface ResolvedAnswer {
  readonly q1: Q1;
  readonly q2: VvMsAnswer['q2'];
  readonly q3: Q3;
  readonly unsureReason: VvMsAnswer['q3UnsureReason'];
}

interface Schedule extends VvMsQuestionnaire {
  readonly reminderDueOn: LocalDate;
  readonly responseDeadline: LocalDate;
  readonly deadlinePassed: boolean;
}

interface Context {
  readonly facts: VvMsFacts;
  readonly today: LocalDate;
  readonly schedule: Schedule | null;
  readonly answer: ResolvedAnswer | null;
  readonly lowGrade: boolean;
}

type Row = DecisionRow<Context, VvMsOutcome>;
type Check = { readonly matched: boolean; readonly detail: string };

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
const grade = (context: Context): string => `graded ${context.facts.gradePercent} %`;
const check = (matched: boolean, detail: string): Check => ({ matched, detail });

/** Rows that read the answer do not match when there is none. */
function whenAnswered(test: (answer: ResolvedAnswer, context: Context) => Check): Row['test'] {
  return (context) => (context.answer ? test(context.answer, context) : check(false, 'no answer'));
}

/** Rows about a missing answer need a sent questionnaire and no answer. */
function whenUnanswered(test: (schedule: Schedule, context: Context) => Check): Row['test'] {
  return (context) => {
    if (context.answer) return check(false, 'answered');
    return context.schedule ? test(context.schedule, context) : check(false, 'questionnaire not sent');
  };
}

function deadlineStatus(schedule: Schedule): string {
  return `no answer; deadline ${schedule.responseDeadline} ${schedule.deadlinePassed ? 'passed' : 'not passed'}`;
}

function exclusion(rule: VvMsExclusionCode, what: string, test: Row['test']): Row {
  return { rule, test, outcome: 'EXCLUDED', reason: `${rule}: ${what}; excluded from screening, rights still need early clarification` };
}

function basisOf(context: Context): string {
  return context.facts.seriousDiagnosis ?? 'not set';
}

const EXCLUSIONS: readonly Row[] = [
  exclusion('EX_AGE_65', `aged ${AGE_LIMIT} or over`, ({ facts }) => check(facts.age >= AGE_LIMIT, `age ${facts.age}; excluded from ${AGE_LIMIT}`)),
  exclusion('EX_SERIOUS_DIAGNOSIS', 'serious diagnosis (a routine case or clearly unable to work), set by a veileder', (context) =>
    check(
      context.facts.seriousDiagnosis === 'KURANT' || context.facts.seriousDiagnosis === 'CLEARLY_UNABLE',
      `serious diagnosis basis ${basisOf(context)}; excluded on KURANT or CLEARLY_UNABLE`,
    ),
  ),
  exclusion('EX_CANNOT_PARTICIPATE', 'temporarily unable to take part in their own case, set by a veileder', (context) =>
    check(
      context.facts.cannotParticipate || context.facts.seriousDiagnosis === 'TEMP_UNABLE',
      `cannot participate ${yesNo(context.facts.cannotParticipate)}; serious diagnosis basis ${basisOf(context)} (TEMP_UNABLE counts)`,
    ),
  ),
  exclusion('EX_PREGNANCY', 'pregnancy-related diagnosis, set by a veileder', ({ facts }) =>
    check(facts.pregnancyRelated, `pregnancy-related ${yesNo(facts.pregnancyRelated)}`),
  ),
  exclusion('EX_UFORE100_POS50', `100 % uføretrygd and a position below ${POSITION_LIMIT} %`, ({ facts }) =>
    check(
      facts.ufore100 && facts.positionPercent !== null && facts.positionPercent < POSITION_LIMIT,
      `100 % uføretrygd ${yesNo(facts.ufore100)}; position ${facts.positionPercent === null ? 'unknown' : `${facts.positionPercent} %`}; excluded below ${POSITION_LIMIT} %`,
    ),
  ),
];

const TABLE: readonly Row[] = [
  ...EXCLUSIONS,
  {
    rule: 'R8',
    outcome: 'MAP',
    reason: 'R8: repeated absence; mapped whatever the answers, with the repeated-absence invitation',
    test: ({ facts }) => check(facts.repeatedAbsence, `repeated absence (§3.3) ${yesNo(facts.repeatedAbsence)}`),
  },
  {
    rule: 'R7',
    outcome: 'MAP',
    reason: 'R7: uncertain eligibility, set by a veileder; mapped',
    test: ({ facts }) => check(facts.uncertainEligibility, `uncertain eligibility ${yesNo(facts.uncertainEligibility)}`),
  },
  {
    rule: 'SEND',
    outcome: 'SEND_QUESTIONNAIRE',
    reason: 'SEND: not excluded and no questionnaire sent yet; a veileder sends the three questions',
    test: ({ facts }) =>
      check(facts.questionnaire === null && facts.answer === null, facts.questionnaire ? `questionnaire sent on ${facts.questionnaire.sentOn}` : 'questionnaire not sent'),
  },
  {
    rule: 'R4',
    outcome: 'MAP',
    reason: `R4: no answer by the deadline and graded ${GRADE_LIMIT} % or more; mapped`,
    test: whenUnanswered((schedule, context) =>
      check(schedule.deadlinePassed && !context.lowGrade, `${deadlineStatus(schedule)}; ${grade(context)}; maps from ${GRADE_LIMIT} %`),
    ),
  },
  {
    rule: 'R1',
    outcome: 'MAP',
    reason: 'R1: unsure or unlikely to return to the job (Q1 1:2 or 1:3); mapped',
    test: whenAnswered((answer) => check(answer.q1 !== '1:1', `Q1 ${answer.q1}; maps on 1:2 or 1:3`)),
  },
  {
    rule: 'R3',
    outcome: 'MAP',
    reason: 'R3: likely to return but the relationship with the employer is not good (Q2 not 2:1); mapped whatever the duration',
    test: whenAnswered((answer) => check(answer.q1 === '1:1' && answer.q2 !== '2:1', `Q1 ${answer.q1}, Q2 ${answer.q2 ?? 'missing'}; maps on Q1 1:1 with Q2 not 2:1`)),
  },
  {
    rule: 'R2',
    outcome: 'MAP',
    reason: 'R2: likely to return, good relationship, but expects over 26 weeks in total (Q3 3:2); mapped',
    test: whenAnswered((answer) =>
      check(answer.q1 === '1:1' && answer.q2 === '2:1' && answer.q3 === '3:2', `Q1 ${answer.q1}, Q2 ${answer.q2 ?? 'missing'}, Q3 ${answer.q3}; maps on 1:1, 2:1, 3:2`),
    ),
  },
  {
    rule: 'R5',
    outcome: 'MAP',
    reason: `R5: unsure of the duration and graded ${GRADE_LIMIT} % or more; mapped`,
    test: whenAnswered((answer, context) =>
      check(answer.q3 === VV_MS_8W_Q3_UNSURE && !context.lowGrade, `Q3 ${answer.q3}; ${grade(context)}; maps when unsure from ${GRADE_LIMIT} %`),
    ),
  },
  {
    rule: 'R6',
    outcome: 'MAP',
    reason: 'R6: unsure of the duration for a reason other than treatment or rehabilitation outcome; mapped',
    test: whenAnswered((answer) =>
      check(
        answer.q3 === VV_MS_8W_Q3_UNSURE && answer.unsureReason === 'OTHER',
        `Q3 ${answer.q3}, reason ${answer.unsureReason ?? 'unknown'}; maps when unsure for reason OTHER`,
      ),
    ),
  },
  {
    rule: 'N1',
    outcome: 'IKKE_AKTUELL_NA',
    reason: 'N1: likely to return, good relationship, under 26 weeks in total; no need now, contact us if things change',
    test: whenAnswered((answer) =>
      check(answer.q1 === '1:1' && answer.q2 === '2:1' && answer.q3 === '3:1', `Q1 ${answer.q1}, Q2 ${answer.q2 ?? 'missing'}, Q3 ${answer.q3}; rests on 1:1, 2:1, 3:1`),
    ),
  },
  {
    rule: 'N2',
    outcome: 'POSTPONE',
    reason: `N2: unsure of the duration because of treatment outcome and graded below ${GRADE_LIMIT} %; postponed`,
    test: whenAnswered((answer, context) =>
      check(
        answer.q3 === VV_MS_8W_Q3_UNSURE && answer.unsureReason === 'TREATMENT_OUTCOME' && context.lowGrade,
        `Q3 ${answer.q3}, reason ${answer.unsureReason ?? 'unknown'}; ${grade(context)}; postpones on TREATMENT_OUTCOME below ${GRADE_LIMIT} %`,
      ),
    ),
  },
  {
    rule: 'N3',
    outcome: ({ schedule }) => (schedule?.reminderSentOn ? 'IKKE_AKTUELL_NA_NO_ANSWER' : 'REMIND'),
    reason: ({ schedule }) =>
      schedule?.reminderSentOn
        ? `N3: no answer after the reminder and by the deadline, graded below ${GRADE_LIMIT} %; ikke aktuell nå`
        : `N3: no answer and graded below ${GRADE_LIMIT} %; a gentle reminder is due`,
    test: whenUnanswered((schedule, context) => {
      const due = schedule.reminderSentOn ? schedule.deadlinePassed : context.today >= schedule.reminderDueOn || schedule.deadlinePassed;
      const reminder = schedule.reminderSentOn ? `reminder sent on ${schedule.reminderSentOn}` : `reminder due on ${schedule.reminderDueOn}, not sent`;
      return check(context.lowGrade && due, `${deadlineStatus(schedule)}; ${reminder}; ${grade(context)}`);
    }),
  },
  {
    rule: 'AWAITING',
    outcome: 'AWAITING_ANSWER',
    reason: 'AWAITING: no answer yet and the deadline has not passed; not decided',
    test: whenUnanswered((schedule) => check(!schedule.deadlinePassed, deadlineStatus(schedule))),
  },
  {
    rule: 'DEFAULT',
    outcome: 'MAP',
    reason: 'DEFAULT: no rule matched this combination; unclear cases are mapped (gaps resolved 5)',
    test: () => check(true, 'catch-all'),
  },
];

const RULES_READING_THE_ANSWER: ReadonlySet<string> = new Set(['R1', 'R3', 'R2', 'R5', 'R6', 'N1', 'N2', 'DEFAULT']);

function resolveAnswer(answer: VvMsAnswer): { resolved: ResolvedAnswer; notes: string[] } {
  const notes: string[] = [];
  if (answer.q1 === null) notes.push('Q1 not answered: read as 1:2, unsure (gaps resolved 5)');
  if (answer.q2 !== '2:1') notes.push(`Q2 ${answer.q2 ?? 'not answered'}: anything but 2:1 is not a good relationship (gaps resolved 2)`);
  if (answer.q3 === null) notes.push('Q3 not answered: read as 3:3, unsure for an unknown reason (gaps resolved 5)');
  else if (answer.q3 === VV_MS_8W_Q3_UNSURE && answer.q3UnsureReason === null) notes.push('Q3 unsure without a reason: the reason is unknown');
  const q3 = answer.q3 ?? VV_MS_8W_Q3_UNSURE;
  return {
    resolved: { q1: answer.q1 ?? '1:2', q2: answer.q2, q3, unsureReason: q3 === VV_MS_8W_Q3_UNSURE ? answer.q3UnsureReason : null },
    notes,
  };
}

function scheduleOf(questionnaire: VvMsQuestionnaire | null, today: LocalDate, config: VvMsConfig): Schedule | null {
  if (!questionnaire) return null;
  const responseDeadline = addDays(questionnaire.sentOn, config.responseDeadlineDays);
  return {
    ...questionnaire,
    reminderDueOn: addDays(questionnaire.sentOn, config.reminderAfterDays),
    responseDeadline,
    deadlinePassed: today > responseDeadline,
  };
}

/** Only named fields are copied, so nothing else a caller's objects carry (an ident, free text) can leak. */
function inputsOf(facts: VvMsFacts, context: Context, config: VvMsConfig): JsonObject {
  const { schedule } = context;
  const { answer } = facts;
  return {
    today: context.today,
    triggerOn: facts.triggerOn,
    age: facts.age,
    gradePercent: facts.gradePercent,
    repeatedAbsence: facts.repeatedAbsence,
    seriousDiagnosis: facts.seriousDiagnosis,
    cannotParticipate: facts.cannotParticipate,
    pregnancyRelated: facts.pregnancyRelated,
    ufore100: facts.ufore100,
    positionPercent: facts.positionPercent,
    uncertainEligibility: facts.uncertainEligibility,
    questionnaire: schedule
      ? { sentOn: schedule.sentOn, reminderSentOn: schedule.reminderSentOn, reminderDueOn: schedule.reminderDueOn, responseDeadline: schedule.responseDeadline }
      : null,
    answer: answer ? { q1: answer.q1, q2: answer.q2, q3: answer.q3, q3UnsureReason: answer.q3UnsureReason, optOut: answer.optOut } : null,
    config: { reminderAfterDays: config.reminderAfterDays, responseDeadlineDays: config.responseDeadlineDays },
  };
}

type Consequences = Pick<VvMsDecision, 'messageTemplate' | 'workItems' | 'reviewAt' | 'flags'>;

function consequencesOf(outcome: VvMsOutcome, rule: string, context: Context): Consequences {
  const item = (type: 'RIGHTS_CLARIFICATION' | 'SCREENING_VV_MS' | 'MAPPING_INVITE', priority: 'MAP' | 'REVIEW' | 'INFO', messageTemplate: string | null, keySuffix?: string) =>
    screeningItem({ type, priority, ruleSet: REF.id, triggerOn: context.facts.triggerOn, today: context.today, messageTemplate, keySuffix });
  const none: Consequences = { messageTemplate: null, workItems: [], reviewAt: null, flags: [] };
  const dayAfterDeadline = context.schedule ? addDays(context.schedule.responseDeadline, 1) : null;
  switch (outcome) {
    case 'EXCLUDED': {
      const template = ADAPTED_GREETING.has(rule) ? VV_MS_MESSAGE_TEMPLATES.EXCLUDED_ADAPTED : null;
      return { ...none, messageTemplate: template, workItems: [item('RIGHTS_CLARIFICATION', 'REVIEW', template)] };
    }
    case 'SEND_QUESTIONNAIRE': {
      const template = VV_MS_MESSAGE_TEMPLATES.QUESTIONNAIRE;
      return { ...none, messageTemplate: template, workItems: [item('SCREENING_VV_MS', 'INFO', template)], flags: [FLAG_BLOCK_FORHANDSVARSEL] };
    }
    case 'AWAITING_ANSWER': {
      // A low grade can still get N3's reminder; otherwise nothing changes before the day after the deadline.
      const reminderPending = context.lowGrade && context.schedule?.reminderSentOn === null;
      return { ...none, reviewAt: reminderPending ? (context.schedule?.reminderDueOn ?? null) : dayAfterDeadline, flags: [FLAG_BLOCK_FORHANDSVARSEL] };
    }
    case 'REMIND': {
      const template = VV_MS_MESSAGE_TEMPLATES.REMINDER;
      return {
        messageTemplate: template,
        workItems: [item('SCREENING_VV_MS', 'INFO', template, 'REMINDER')],
        // A reminder sent after the deadline ends the wait at the next evaluation; the caller may move the deadline.
        reviewAt: dayAfterDeadline && maxDate(dayAfterDeadline, addDays(context.today, 1)),
        flags: [FLAG_BLOCK_FORHANDSVARSEL],
      };
    }
    case 'MAP': {
      const template = rule === 'R8' ? VV_MS_MESSAGE_TEMPLATES.MAPPING_INVITE_REPEATED_ABSENCE : VV_MS_MESSAGE_TEMPLATES.MAPPING_INVITE;
      return { ...none, messageTemplate: template, workItems: [item('MAPPING_INVITE', 'MAP', template)], flags: [FLAG_BLOCK_FORHANDSVARSEL] };
    }
    // Resting outcomes have no review date: the safety nets (17/26/39-week stoppunkter, møtebehov) and the other
    // signals in `reEntryTriggers` reopen them through `shouldReEnter`.
    case 'IKKE_AKTUELL_NA':
    case 'IKKE_AKTUELL_NA_NO_ANSWER':
      return { ...none, messageTemplate: VV_MS_MESSAGE_TEMPLATES.IKKE_AKTUELL_NA };
    case 'POSTPONE':
      return none;
  }
}

const SAFETY_NETS = 'Safety nets still apply: the 17/26/39-week stoppunkter, møtebehov and the other re-entry signals open a TRIAGE_REVIEW';
const RESTING_OUTCOMES: ReadonlySet<VvMsOutcome> = new Set(['IKKE_AKTUELL_NA', 'IKKE_AKTUELL_NA_NO_ANSWER', 'POSTPONE']);

export function evaluateVvMs(facts: VvMsFacts, today: LocalDate, config: VvMsConfig = VV_MS_V1_DEFAULTS): VvMsDecision {
  const resolution = facts.answer ? resolveAnswer(facts.answer) : null;
  const context: Context = {
    facts,
    today,
    schedule: scheduleOf(facts.questionnaire, today, config),
    answer: resolution?.resolved ?? null,
    lowGrade: facts.gradePercent < GRADE_LIMIT,
  };
  const match = firstMatch(TABLE, context);
  const consequences = consequencesOf(match.outcome, match.rule, context);
  return {
    ruleSet: REF,
    outcome: match.outcome,
    rule: match.rule,
    reasons: [
      match.reason,
      ...(resolution && RULES_READING_THE_ANSWER.has(match.rule) ? resolution.notes : []),
      ...(RESTING_OUTCOMES.has(match.outcome) ? [SAFETY_NETS] : []),
    ],
    trace: match.trace,
    inputs: inputsOf(facts, context, config),
    ...consequences,
    flags: [...consequences.flags, ...(facts.answer?.optOut ? [FLAG_ANSWER_OPT_OUT] : [])],
  };
}

/** §4.2 re-entry: signals that reopen a resting case with a TRIAGE_REVIEW item. */
export const reEntryTriggers = [
  'LEGEERKLAERING',
  'OPPFOLGINGSPLAN',
  'SIGNAL_ARBEID_OG_YTELSER',
  'SIGNAL_ARBEIDSLIVSSENTER',
  'CONTACT_FROM_PERSON',
  'MOTEBEHOV',
  'STOPPUNKT_17W',
  'STOPPUNKT_26W',
  'STOPPUNKT_39W',
  'SELF_ESTIMATED_RETURN_PASSED',
] as const;
export type ReEntryTrigger = (typeof reEntryTriggers)[number];

const RE_ENTRY: ReadonlySet<string> = new Set(reEntryTriggers);

/**
 * Whether a signal opens a TRIAGE_REVIEW: only from a resting outcome (ikke aktuell nå, with or without an
 * answer, and a postponement, for which the safety nets still apply), and only for the §4.2 signals. Takes any
 * signal name so the caller can pass every event through.
 */
export function shouldReEnter(previousOutcome: VvMsOutcome, trigger: string): boolean {
  return RESTING_OUTCOMES.has(previousOutcome) && RE_ENTRY.has(trigger);
}

export const VV_MS_V1: RuleSetDefinition<VvMsConfig, typeof evaluateVvMs> = {
  ref: REF,
  summary: 'Vest-Viken Morgendagens SYFO: three questions at 8 weeks, exclusions, mapping table (handbook §4.2)',
  defaults: VV_MS_V1_DEFAULTS,
  evaluate: evaluateVvMs,
};
