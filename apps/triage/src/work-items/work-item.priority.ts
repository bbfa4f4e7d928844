import { daysBetween, type LocalDate } from '@syfo/local-date';

import { TRIAGE_PRIORITIES, type TriagePriority } from './work-item.types';

/** Bump when the order changes, so a list's order can be explained later. */
export const PRIORITY_COMPARATOR_VERSION = 1;

/** How close a statutory deadline must be to put an item at the top (handbook §5.2 key 1). */
export const URGENT_WITHIN_DAYS = 7;

export interface PrioritisedItem {
  readonly id: string;
  readonly statutory: boolean;
  readonly dueDate: LocalDate | null;
  readonly priority: TriagePriority;
  readonly tilfelleStart: LocalDate;
  readonly createdAt: Date;
}

/**
 * Handbook §5.2's default order, key by key: statutory deadline breached or due within 7 days; deadline
 * ascending (none last); MAP before REVIEW before INFO; tilfelle week descending (earlier start first);
 * time received ascending. The SQL in WorkItemRepository sorts the same way; a test holds them together.
 */
export function compareWorkItems(today: LocalDate): (a: PrioritisedItem, b: PrioritisedItem) => number {
  const urgent = (item: PrioritisedItem) => item.statutory && item.dueDate !== null && daysBetween(today, item.dueDate) <= URGENT_WITHIN_DAYS;
  return (a, b) =>
    Number(urgent(b)) - Number(urgent(a)) ||
    compareNullableDates(a.dueDate, b.dueDate) ||
    TRIAGE_PRIORITIES.indexOf(a.priority) - TRIAGE_PRIORITIES.indexOf(b.priority) ||
    a.tilfelleStart.localeCompare(b.tilfelleStart) ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    a.id.localeCompare(b.id);
}

function compareNullableDates(a: LocalDate | null, b: LocalDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

/** The SQL form of the same order, for the work-list query; `$today` is the parameter index given. */
export function priorityOrderSql(todayParam: string): string {
  return `CASE WHEN statutory AND due_date IS NOT NULL AND due_date <= ${todayParam}::date + ${URGENT_WITHIN_DAYS} THEN 0 ELSE 1 END,
    due_date ASC NULLS LAST,
    CASE priority ${TRIAGE_PRIORITIES.map((priority, index) => `WHEN '${priority}' THEN ${index}`).join(' ')} END,
    tilfelle_start ASC,
    created_at ASC,
    id::text COLLATE "C" ASC`;
}
