import { z } from 'zod';

import { defineEvent, type PayloadOf } from '../event-definition';
import { OrgnrSchema } from '../intake/sick-note-submission.schema';

/** A team's current state after a change: consumers replace what they hold, so order within a team suffices. */
export const TeamChangedEvent = defineEvent({
  type: 'collab.team',
  version: 1,
  topic: 'collab.team.v1',
  payload: z.strictObject({
    teamId: z.guid(),
    name: z.string().min(1).max(200),
    enhetNr: z.string().regex(/^\d{4}$/, 'must be a four-digit enhet number'),
    employerOrgnrs: z.array(OrgnrSchema),
  }),
  key: (payload) => payload.teamId,
});
export type TeamChanged = PayloadOf<typeof TeamChangedEvent>;
