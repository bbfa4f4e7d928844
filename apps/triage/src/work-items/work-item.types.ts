/** Handbook §5.1: work items hang off the person; the person is what gets assigned. */
export const WORK_ITEM_TYPES = [
  'OPPFOLGINGSPLAN_BISTAND',
  'AKTIVITETSKRAV',
  'DIALOGMOTEKANDIDAT',
  'NO_EMPLOYER_FOLLOW_UP',
  'SEN_OPPFOLGING',
  'SCREENING_VV_MS',
  'SCREENING_SF_SP2',
  'MAPPING_INVITE',
  'MI_CALL',
  'TRIAGE_REVIEW',
  'RIGHTS_CLARIFICATION',
  'STALE_CASE_REVIEW',
] as const;
export type WorkItemType = (typeof WORK_ITEM_TYPES)[number];

export const WORK_ITEM_STATES = ['OPEN', 'COMPLETED', 'EXEMPTED', 'CLOSED'] as const;
export type WorkItemState = (typeof WORK_ITEM_STATES)[number];

/** Handbook §5.2 key 3: MAP before REVIEW before INFO. */
export const TRIAGE_PRIORITIES = ['MAP', 'REVIEW', 'INFO'] as const;
export type TriagePriority = (typeof TRIAGE_PRIORITIES)[number];

/** What a rule or a milestone asks for; the work-item module turns drafts into items routed to an enhet. */
export interface WorkItemDraft {
  readonly type: WorkItemType;
  readonly priority: TriagePriority;
  /** Statutory deadline (breaching it is a legal matter) rather than a pilot or practice target. */
  readonly statutory: boolean;
  readonly dueDate: string | null;
  readonly visibleFrom: string;
  /** Identifies the item so the same cause never opens two: e.g. `AKTIVITETSKRAV:2025-01-06`. */
  readonly key: string;
  /** A drafted message for a veileder to check and send (never sent by the system). */
  readonly messageTemplate?: string;
}
