import { z } from 'zod';

import { defineEvent, type PayloadOf } from '../event-definition';
import { LocalDateSchema } from '../local-date.schema';
import { PersonIdentSchema } from '../intake/sick-note-submission.schema';

export const TRIAGE_MILESTONE_TYPES = [
  'OPPFOLGINGSPLAN',
  'DIALOGMOTE_1',
  'STOPPUNKT_6W',
  'VV_SCREENING_8W',
  'AKTIVITETSKRAV',
  'EMPLOYER_REPORT_9W',
  'NO_EMPLOYER_FOLLOW_UP',
  'DIALOGMOTEKANDIDAT',
  'DIALOGMOTE_2',
  'LETTER_39W',
  'MAKSDATO',
] as const;
export const TRIAGE_MILESTONE_STATES = ['UPCOMING', 'DUE', 'OVERDUE', 'DONE', 'EXEMPT', 'NOT_APPLICABLE'] as const;

/**
 * A milestone of a person's tilfelle changed state. Published once per change, so "became DUE" is the
 * moment the milestone fires; operational statistics count deadlines met from these.
 */
export const MilestoneChangedEvent = defineEvent({
  type: 'triage.milestone',
  version: 1,
  topic: 'triage.milestone.v1',
  payload: z.strictObject({
    personIdent: PersonIdentSchema,
    tilfelleStart: LocalDateSchema,
    milestone: z.enum(TRIAGE_MILESTONE_TYPES),
    state: z.enum(TRIAGE_MILESTONE_STATES),
    previousState: z.enum(TRIAGE_MILESTONE_STATES).nullable(),
    stateReason: z.string().nullable(),
    legal: z.boolean(),
    actor: z.string(),
    dueFrom: LocalDateSchema,
    deadline: LocalDateSchema,
    /** The day (Europe/Oslo) triage saw the change: the simulated day when time is replayed. */
    changedOn: LocalDateSchema,
    enhet: z.string(),
  }),
  key: (payload) => payload.personIdent,
});
export type MilestoneChanged = PayloadOf<typeof MilestoneChangedEvent>;
