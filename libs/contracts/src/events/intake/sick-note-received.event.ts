import { z } from 'zod';

import { defineEvent, type PayloadOf } from '../event-definition';
import { LocalDateSchema } from '../local-date.schema';
import { OrgnrSchema, PersonIdentSchema, SICK_NOTE_STATUSES, SickNotePeriodSchema } from './sick-note-submission.schema';

/** What others may see of an accepted sick note: no diagnosis, no name, no free text. */
export const SickNoteReceivedEvent = defineEvent({
  type: 'intake.sick-note',
  version: 1,
  topic: 'intake.sick-note.v1',
  payload: z.strictObject({
    sickNoteId: z.guid(),
    personIdent: PersonIdentSchema,
    orgnr: OrgnrSchema.nullable(),
    status: z.enum(SICK_NOTE_STATUSES),
    issuedOn: LocalDateSchema,
    periods: z.array(SickNotePeriodSchema).min(1),
    receivedAt: z.iso.datetime({ offset: true }),
  }),
  key: (payload) => payload.personIdent,
});
export type SickNoteReceived = PayloadOf<typeof SickNoteReceivedEvent>;
