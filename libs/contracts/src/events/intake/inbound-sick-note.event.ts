import { defineEvent } from '../event-definition';
import { SickNoteSubmissionSchema } from './sick-note-submission.schema';

/** The inbound topic: external case systems publish submissions here instead of calling gRPC. */
export const InboundSickNoteEvent = defineEvent({
  type: 'intake.inbound.sick-note',
  version: 1,
  topic: 'intake.inbound.sick-note.v1',
  payload: SickNoteSubmissionSchema,
  key: (payload) => payload.personIdent,
});
