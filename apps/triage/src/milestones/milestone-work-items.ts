import { addDays } from '@syfo/local-date';

import type { WorkItemDraft, WorkItemType } from '../work-items/work-item.types';
import type { Milestone, MilestoneType } from './milestone.types';

/** The key of the work item a milestone opens: one per milestone per tilfelle. */
export function milestoneItemKey(type: MilestoneType): string {
  return `MILESTONE:${type}`;
}

/** Handbook §5.1: SEN_OPPFOLGING reaches the veileder 10 days after the 39-week letter. */
const SEN_OPPFOLGING_DELAY_DAYS = 10;

/**
 * The work a milestone gives NAV when it fires. Milestones the employer or the benefit system must meet
 * give none; the pilot stoppunkter give theirs through their screening rule sets.
 */
export function workItemForMilestone(milestone: Milestone, all: readonly Milestone[]): WorkItemDraft | null {
  const draft = (type: WorkItemType, fields: Omit<WorkItemDraft, 'type' | 'key'>): WorkItemDraft => ({ type, key: milestoneItemKey(milestone.type), ...fields });
  switch (milestone.type) {
    case 'AKTIVITETSKRAV':
      return draft('AKTIVITETSKRAV', { priority: 'REVIEW', statutory: true, dueDate: milestone.deadline, visibleFrom: milestone.dueFrom });
    case 'DIALOGMOTEKANDIDAT': {
      const dm2 = all.find((candidate) => candidate.type === 'DIALOGMOTE_2');
      return draft('DIALOGMOTEKANDIDAT', { priority: 'REVIEW', statutory: true, dueDate: dm2?.deadline ?? milestone.deadline, visibleFrom: milestone.dueFrom });
    }
    case 'NO_EMPLOYER_FOLLOW_UP':
      return draft('NO_EMPLOYER_FOLLOW_UP', { priority: 'REVIEW', statutory: true, dueDate: milestone.deadline, visibleFrom: milestone.dueFrom });
    case 'LETTER_39W':
      return draft('SEN_OPPFOLGING', { priority: 'INFO', statutory: false, dueDate: null, visibleFrom: addDays(milestone.dueFrom, SEN_OPPFOLGING_DELAY_DAYS) });
    default:
      return null;
  }
}

/** A veileder's completion or exemption of an item meets these milestones. */
export const MILESTONES_RESOLVED_BY_ITEM: Partial<Record<WorkItemType, readonly MilestoneType[]>> = {
  AKTIVITETSKRAV: ['AKTIVITETSKRAV'],
  DIALOGMOTEKANDIDAT: ['DIALOGMOTEKANDIDAT', 'DIALOGMOTE_2'],
  NO_EMPLOYER_FOLLOW_UP: ['NO_EMPLOYER_FOLLOW_UP'],
  SEN_OPPFOLGING: ['LETTER_39W'],
};
