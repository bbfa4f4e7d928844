import { z } from 'zod';

import { defineEvent, type PayloadOf } from '../event-definition';
import { LocalDateSchema } from '../local-date.schema';
import { OrgnrSchema, PersonIdentSchema, SICK_NOTE_STATUSES, SickNotePeriodSchema } from './sick-note-submission.schema';

/**
 * What others may see of a sick note, each time it is accepted, corrected or withdrawn: no
 * diagnosis, no name, no free text.
 */
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
    /** 1 for a new note; higher for each correction of it. */
    version: z.int().positive(),
    /** The sending system withdrew the note: it no longer counts. */
    cancelled: z.boolean(),
  }),
  key: (payload) => payload.personIdent,
});
export type SickNoteReceived = PayloadOf<typeof SickNoteReceivedEvent>;
