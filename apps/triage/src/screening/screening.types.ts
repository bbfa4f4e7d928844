import type { LocalDate } from '@syfo/local-date';

import type { WorkItemDraft } from '../work-items/work-item.types';

/**
 * Handbook §4.1 engine contract: a screening rule set is a pure, versioned function of facts and a date.
 * A decision is persisted with the facts it used, its rule set and version, and its trace (§4.6).
 */

export const RULE_SET_IDS = ['VV-MS', 'SF-SP2', 'SF-SP1'] as const;
export type RuleSetId = (typeof RULE_SET_IDS)[number];

export interface RuleSetRef {
  readonly id: RuleSetId;
  readonly version: number;
}

/** A rule set's identity, its region-overridable defaults and its evaluate function. */
export interface RuleSetDefinition<Config, Evaluate> {
  readonly ref: RuleSetRef;
  readonly summary: string;
  readonly defaults: Readonly<Config>;
  readonly evaluate: Evaluate;
}

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

/** One evaluated row of a decision table; `detail` says what was seen, in words a veileder can follow. */
export interface RuleTrace {
  readonly rule: string;
  readonly matched: boolean;
  readonly detail: string;
}

export interface ScreeningDecision<Outcome extends string> {
  readonly ruleSet: RuleSetRef;
  readonly outcome: Outcome;
  /** The code of the row that decided: 'R1', 'EX_AGE_65', 'S1', 'AWAITING', 'E5'… */
  readonly rule: string;
  /** Why, in plain English: the deciding rule first, then any gap resolution that shaped it. */
  readonly reasons: readonly string[];
  /** Every row evaluated, in table order. */
  readonly trace: readonly RuleTrace[];
  /** The facts used, JSON-able: codes, dates, numbers and flags only (no ident, diagnosis or free text). */
  readonly inputs: JsonObject;
  /** Id of a drafted message for a veileder to check and send; the system never sends it (§4.1). */
  readonly messageTemplate: string | null;
  readonly workItems: readonly WorkItemDraft[];
  /** The next day on which time alone can change the decision; null when only new facts can. */
  readonly reviewAt: LocalDate | null;
  readonly flags: readonly string[];
}

/**
 * A decision-table row. `outcome` and `reason` may depend on the facts where one handbook row has two
 * consequences (VV-MS N3: remind, then ikke aktuell nå).
 */
export interface DecisionRow<Context, Outcome extends string> {
  readonly rule: string;
  readonly test: (context: Context) => { readonly matched: boolean; readonly detail: string };
  readonly outcome: Outcome | ((context: Context) => Outcome);
  readonly reason: string | ((context: Context) => string);
}

export interface TableMatch<Outcome extends string> {
  readonly rule: string;
  readonly outcome: Outcome;
  readonly reason: string;
  readonly trace: readonly RuleTrace[];
}

/** Table order, first match wins (§4.1); the trace holds every row up to and including the match. */
export function firstMatch<Context, Outcome extends string>(
  table: readonly DecisionRow<Context, Outcome>[],
  context: Context,
): TableMatch<Outcome> {
  const trace: RuleTrace[] = [];
  for (const row of table) {
    const { matched, detail } = row.test(context);
    trace.push({ rule: row.rule, matched, detail });
    if (matched) {
      return {
        rule: row.rule,
        outcome: typeof row.outcome === 'function' ? row.outcome(context) : row.outcome,
        reason: typeof row.reason === 'function' ? row.reason(context) : row.reason,
        trace,
      };
    }
  }
  throw new Error(`Decision table ${table.map((row) => row.rule).join(', ')} has no row for these facts; it must end in a catch-all`);
}

export interface ScreeningItemSpec {
  readonly type: WorkItemDraft['type'];
  readonly priority: WorkItemDraft['priority'];
  readonly ruleSet: RuleSetId;
  /** The screening's trigger date; with the type and rule set it keys the item, so a re-evaluation never opens a twin. */
  readonly triggerOn: LocalDate;
  readonly today: LocalDate;
  readonly messageTemplate: string | null;
  /** Distinguishes a second item of the same type for the same trigger (a reminder). */
  readonly keySuffix?: string;
}

/** Screening items carry no deadline of their own: none is statutory, and the pilots set none [DESIGN]. */
export function screeningItem(spec: ScreeningItemSpec): WorkItemDraft {
  const key = [spec.type, spec.ruleSet, spec.triggerOn, ...(spec.keySuffix ? [spec.keySuffix] : [])].join(':');
  return {
    type: spec.type,
    priority: spec.priority,
    statutory: false,
    dueDate: null,
    visibleFrom: spec.today,
    key,
    ...(spec.messageTemplate ? { messageTemplate: spec.messageTemplate } : {}),
  };
}
