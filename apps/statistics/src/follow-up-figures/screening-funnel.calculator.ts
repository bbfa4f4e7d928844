import type { LocalDate } from '@syfo/local-date';

import { restsOnTooFew } from './follow-up-masking.policy';
import { percentOf } from './percent.util';

/**
 * How a screening rule set's funnel shows in triage's events (apps/triage/src/screening): a veileder completes
 * the questionnaire item when the message is sent (§4.1: the system never sends); the decision's rule tells
 * whether it read an answer; a flagging outcome opens a contact item that is completed when the contact is made.
 * Names are triage's, as its events carry them.
 */
export const SCREENING_FUNNELS = {
  'VV-MS': {
    questionnaireItem: 'SCREENING_VV_MS',
    // The rows of the §4.2 table that read an answer (R4 and N3 are about a missing one).
    answerRules: ['R1', 'R2', 'R3', 'R5', 'R6', 'N1', 'N2', 'DEFAULT'],
    flaggedOutcomes: ['MAP'],
    contactItem: 'MAPPING_INVITE',
  },
  'SF-SP2': {
    questionnaireItem: 'SCREENING_SF_SP2',
    answerRules: ['S1', 'S2', 'S3'],
    flaggedOutcomes: ['MI_CALL'],
    contactItem: 'MI_CALL',
  },
} as const satisfies Record<string, { questionnaireItem: string; answerRules: readonly string[]; flaggedOutcomes: readonly string[]; contactItem: string }>;
export type FunnelRuleSet = keyof typeof SCREENING_FUNNELS;
export const FUNNEL_RULE_SETS = Object.keys(SCREENING_FUNNELS) as FunnelRuleSet[];

export interface DecisionFact {
  readonly personIdent: string;
  readonly tilfelleStart: LocalDate;
  readonly outcome: string;
  readonly rule: string;
  readonly decidedOn: LocalDate;
  readonly enhet: string;
}

/** A work item of the person that was completed; work-item events carry no tilfelle, so the day places it. */
export interface CompletedItemFact {
  readonly personIdent: string;
  readonly type: string;
  readonly completedOn: LocalDate;
}

export interface FunnelCounts {
  /** Cases whose questionnaire was sent in the period: the cohort. */
  readonly sent: number;
  readonly answered: number;
  /** Answered and flagged (mapping or an MI call). */
  readonly flagged: number;
  /** Flagged and the contact item completed. */
  readonly contacted: number;
  /** Flagged without an answer (VV-MS R4: no answer by the deadline at 30 % or more); outside the funnel's stages. */
  readonly flaggedWithoutAnswer: number;
}

export interface ScreeningFunnel {
  readonly ruleSet: FunnelRuleSet;
  /** Null when masked: the cohort holds fewer than five persons (§10.3). */
  readonly counts: FunnelCounts | null;
  /** Each stage as a share of the one before, one decimal; null when masked or that stage has fewer than five. */
  readonly answeredPercent: number | null;
  readonly flaggedPercent: number | null;
  readonly contactedPercent: number | null;
  readonly masked: boolean;
}

interface Case {
  readonly personIdent: string;
  readonly tilfelleStart: LocalDate;
  readonly decisions: DecisionFact[];
}

/**
 * Handbook §9.3 screening funnel, sent → answered → flagged → contacted, for the cohort of cases whose
 * questionnaire was first sent within [from, to]; later stages count whenever they happened. A case is a
 * person's tilfelle under the rule set; an item belongs to the latest case that began on or before the day it
 * was completed. `decisions` are the rule set's only; `enhet`, when given, picks cases by their latest decision.
 */
export function screeningFunnel(
  ruleSet: FunnelRuleSet,
  decisions: readonly DecisionFact[],
  items: readonly CompletedItemFact[],
  period: { readonly from: LocalDate; readonly to: LocalDate; readonly enhet?: string },
): ScreeningFunnel {
  const funnel = SCREENING_FUNNELS[ruleSet];
  const casesByPerson = new Map<string, Case[]>();
  for (const decision of decisions) {
    const cases = casesByPerson.get(decision.personIdent) ?? [];
    casesByPerson.set(decision.personIdent, cases);
    const existing = cases.find((candidate) => candidate.tilfelleStart === decision.tilfelleStart);
    if (existing) existing.decisions.push(decision);
    else cases.push({ personIdent: decision.personIdent, tilfelleStart: decision.tilfelleStart, decisions: [decision] });
  }
  const itemsByPerson = new Map<string, CompletedItemFact[]>();
  for (const item of items) itemsByPerson.set(item.personIdent, [...(itemsByPerson.get(item.personIdent) ?? []), item]);
  const itemsOf = (which: Case, type: string): LocalDate[] => {
    const later = (casesByPerson.get(which.personIdent) ?? []).map((other) => other.tilfelleStart).filter((start) => start > which.tilfelleStart);
    const nextStart = later.length === 0 ? null : later.sort()[0]!;
    return (itemsByPerson.get(which.personIdent) ?? [])
      .filter((item) => item.type === type && item.completedOn >= which.tilfelleStart && (nextStart === null || item.completedOn < nextStart))
      .map((item) => item.completedOn)
      .sort();
  };
  const answerRules: ReadonlySet<string> = new Set(funnel.answerRules);
  const flaggedOutcomes: ReadonlySet<string> = new Set(funnel.flaggedOutcomes);

  const counts = { sent: 0, answered: 0, flagged: 0, contacted: 0, flaggedWithoutAnswer: 0 };
  for (const which of [...casesByPerson.values()].flat()) {
    const latest = [...which.decisions].sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : a.decidedOn > b.decidedOn ? 1 : 0)).at(-1)!;
    if (period.enhet !== undefined && latest.enhet !== period.enhet) continue;
    const sentOn = itemsOf(which, funnel.questionnaireItem)[0];
    if (sentOn === undefined || sentOn < period.from || sentOn > period.to) continue;
    counts.sent += 1;
    const answered = which.decisions.some((decision) => answerRules.has(decision.rule));
    const flagged = which.decisions.some((decision) => flaggedOutcomes.has(decision.outcome));
    if (answered) counts.answered += 1;
    if (flagged && !answered) counts.flaggedWithoutAnswer += 1;
    if (!(answered && flagged)) continue;
    counts.flagged += 1;
    if (itemsOf(which, funnel.contactItem).length > 0) counts.contacted += 1;
  }

  const masked = restsOnTooFew(counts.sent);
  const share = (part: number, whole: number) => (masked || restsOnTooFew(whole) ? null : percentOf(part, whole));
  return {
    ruleSet,
    counts: masked ? null : counts,
    answeredPercent: share(counts.answered, counts.sent),
    flaggedPercent: share(counts.flagged, counts.answered),
    contactedPercent: share(counts.contacted, counts.flagged),
    masked,
  };
}
