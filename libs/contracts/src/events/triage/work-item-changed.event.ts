import { z } from 'zod';

import { defineEvent, type PayloadOf } from '../event-definition';
import { LocalDateSchema } from '../local-date.schema';
import { PersonIdentSchema } from '../intake/sick-note-submission.schema';

export const WORK_ITEM_ACTIONS = ['OPENED', 'TAKEN', 'HANDED_OVER', 'COMPLETED', 'EXEMPTED', 'CLOSED'] as const;

/** A work item's life: opened, taken, handed over, completed, exempted or closed by the system. */
export const WorkItemChangedEvent = defineEvent({
  type: 'triage.work-item',
  version: 1,
  topic: 'triage.work-item.v1',
  payload: z.strictObject({
    workItemId: z.guid(),
    personIdent: PersonIdentSchema,
    type: z.string(),
    action: z.enum(WORK_ITEM_ACTIONS),
    state: z.string(),
    enhet: z.string(),
    veileder: z.string().nullable(),
    statutory: z.boolean(),
    dueDate: LocalDateSchema.nullable(),
    changedOn: LocalDateSchema,
  }),
  key: (payload) => payload.personIdent,
});
export type WorkItemChanged = PayloadOf<typeof WorkItemChangedEvent>;
