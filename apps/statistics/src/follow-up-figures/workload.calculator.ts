import type { LocalDate } from '@syfo/local-date';

/** An open work item as triage's events last described it. */
export interface OpenItemFact {
  readonly personIdent: string;
  readonly type: string;
  readonly enhet: string;
  readonly veileder: string | null;
  readonly statutory: boolean;
  readonly dueDate: LocalDate | null;
}

export interface TypeLoad {
  readonly type: string;
  readonly open: number;
  readonly overdue: number;
}

export interface Load {
  readonly openItems: number;
  /** Distinct persons: the person is what gets assigned (handbook §5.1), so this is the caseload. */
  readonly persons: number;
  /** Items whose due date has passed. */
  readonly overdue: number;
  readonly overdueStatutory: number;
  readonly byType: readonly TypeLoad[];
}

export interface VeilederLoad extends Load {
  /** Null: the enhet's unassigned queue. */
  readonly veileder: string | null;
}

export interface EnhetLoad extends Load {
  readonly enhet: string;
  readonly veiledere: readonly VeilederLoad[];
}

/**
 * Open work items and caseload per enhet and per veileder (handbook §5, §8 capacity board). These describe
 * staff's workload, not persons' sick leave, and the team leaders who read them see the lists anyway, so
 * they are not masked. Overdue: the due date is before `today`.
 */
export function workload(items: readonly OpenItemFact[], today: LocalDate): EnhetLoad[] {
  const byEnhet = groupBy(items, (item) => item.enhet);
  return [...byEnhet.keys()].sort().map((enhet) => {
    const mine = byEnhet.get(enhet)!;
    const byVeileder = groupBy(mine, (item) => item.veileder ?? '');
    const veiledere = [...byVeileder.keys()]
      .sort()
      .map((veileder): VeilederLoad => ({ veileder: veileder === '' ? null : veileder, ...loadOf(byVeileder.get(veileder)!, today) }));
    return { enhet, ...loadOf(mine, today), veiledere };
  });
}

function loadOf(items: readonly OpenItemFact[], today: LocalDate): Load {
  const isOverdue = (item: OpenItemFact) => item.dueDate !== null && item.dueDate < today;
  const byType = groupBy(items, (item) => item.type);
  return {
    openItems: items.length,
    persons: new Set(items.map((item) => item.personIdent)).size,
    overdue: items.filter(isOverdue).length,
    overdueStatutory: items.filter((item) => item.statutory && isOverdue(item)).length,
    byType: [...byType.keys()].sort().map((type) => ({ type, open: byType.get(type)!.length, overdue: byType.get(type)!.filter(isOverdue).length })),
  };
}

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const group = groups.get(key(value));
    if (group) group.push(value);
    else groups.set(key(value), [value]);
  }
  return groups;
}
