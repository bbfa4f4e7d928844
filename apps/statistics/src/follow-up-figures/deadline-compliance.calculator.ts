import type { LocalDate } from '@syfo/local-date';

import { restsOnTooFew } from './follow-up-masking.policy';
import { percentOf } from './percent.util';

/**
 * Handbook §9.3 deadline compliance, for the three deadlines the follow-up is judged by: the oppfølgingsplan
 * by week 4, the aktivitetskrav by week 8 and dialogmøte 2 by week 26 (§2.2). Triage computes each deadline
 * (start + N weeks − 1); statistics only reads its milestone events.
 */
export const KPI_MILESTONES = [
  { milestone: 'OPPFOLGINGSPLAN', byWeek: 4 },
  { milestone: 'AKTIVITETSKRAV', byWeek: 8 },
  { milestone: 'DIALOGMOTE_2', byWeek: 26 },
] as const;
export type KpiMilestone = (typeof KPI_MILESTONES)[number]['milestone'];

/** A milestone's latest state as triage published it. */
export interface MilestoneFact {
  readonly milestone: string;
  readonly enhet: string;
  readonly state: string;
  readonly deadline: LocalDate;
  /** The day it became DONE or EXEMPT; null in any other state. */
  readonly resolvedOn: LocalDate | null;
}

export interface ComplianceCounts {
  /** Milestones whose deadline falls in the period, NOT_APPLICABLE left out. */
  readonly due: number;
  /** Done or exempted on or before the deadline. */
  readonly metOnTime: number;
  /** Of metOnTime, those exempted. */
  readonly exempted: number;
  /** Done or exempted after the deadline. */
  readonly late: number;
  /** Still open past the deadline. */
  readonly overdue: number;
  /** Not settled and the deadline not passed (or triage has not yet seen it pass). */
  readonly pending: number;
}

export interface DeadlineCompliance {
  readonly enhet: string;
  readonly milestone: KpiMilestone;
  readonly byWeek: number;
  /** Null when masked: the row rests on fewer than five persons (§10.3). */
  readonly counts: ComplianceCounts | null;
  /** metOnTime / (due − pending), one decimal; null when masked or fewer than five are settled. */
  readonly metOnTimePercent: number | null;
  readonly masked: boolean;
}

const RESOLVED = new Set(['DONE', 'EXEMPT']);

/**
 * One row per enhet and KPI milestone, for the facts whose deadline the caller chose by period. Met on time
 * means DONE or EXEMPT with the day triage saw it on or before the deadline. Rows are masked on `due`, the
 * persons the figure is about; a share also needs five settled cases under it.
 */
export function deadlineCompliance(facts: readonly MilestoneFact[]): DeadlineCompliance[] {
  const rows = new Map<string, { enhet: string; milestone: KpiMilestone; byWeek: number; counts: { -readonly [K in keyof ComplianceCounts]: number } }>();
  for (const fact of facts) {
    const kpi = KPI_MILESTONES.find((candidate) => candidate.milestone === fact.milestone);
    if (!kpi || fact.state === 'NOT_APPLICABLE') continue;
    const key = `${fact.enhet}|${kpi.milestone}`;
    const row = rows.get(key) ?? { enhet: fact.enhet, milestone: kpi.milestone, byWeek: kpi.byWeek, counts: { due: 0, metOnTime: 0, exempted: 0, late: 0, overdue: 0, pending: 0 } };
    rows.set(key, row);
    row.counts.due += 1;
    if (RESOLVED.has(fact.state) && fact.resolvedOn !== null) {
      if (fact.resolvedOn <= fact.deadline) {
        row.counts.metOnTime += 1;
        if (fact.state === 'EXEMPT') row.counts.exempted += 1;
      } else {
        row.counts.late += 1;
      }
    } else if (fact.state === 'OVERDUE') {
      row.counts.overdue += 1;
    } else {
      row.counts.pending += 1;
    }
  }
  return [...rows.values()]
    .sort((a, b) => (a.enhet < b.enhet ? -1 : a.enhet > b.enhet ? 1 : a.byWeek - b.byWeek))
    .map(({ enhet, milestone, byWeek, counts }) => {
      const settled = counts.due - counts.pending;
      const masked = restsOnTooFew(counts.due);
      return {
        enhet,
        milestone,
        byWeek,
        counts: masked ? null : counts,
        metOnTimePercent: masked || restsOnTooFew(settled) ? null : percentOf(counts.metOnTime, settled),
        masked,
      };
    });
}
