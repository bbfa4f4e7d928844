import { z } from 'zod';

import { defineEvent, type PayloadOf } from '../event-definition';
import { LocalDateSchema } from '../local-date.schema';
import { OrgnrSchema, PersonIdentSchema } from './sick-note-submission.schema';

export const OppfolgingstilfelleSchema = z.strictObject({
  start: LocalDateSchema,
  end: LocalDateSchema,
  antallSykedager: z.int().positive(),
  virksomhetsnummerList: z.array(OrgnrSchema),
  arbeidstakerAtTilfelleEnd: z.boolean(),
  gradertAtTilfelleEnd: z.boolean(),
});

/**
 * A person's whole tilfelle list after it changed. Always the whole list, never a delta: late or
 * corrected documents can merge, split or move tilfeller, so consumers replace what they hold.
 * An empty list means the person has no tilfelle (for example after a cancellation).
 */
export const TilfellerChangedEvent = defineEvent({
  type: 'intake.tilfelle-person',
  version: 1,
  topic: 'intake.tilfelle-person.v1',
  payload: z.strictObject({
    personIdent: PersonIdentSchema,
    tilfeller: z.array(OppfolgingstilfelleSchema),
    recurringAbsence: z.boolean(),
    /** Increases with every change of this person's list, so consumers can drop stale ones. */
    revision: z.int().positive(),
    computedAt: z.iso.datetime({ offset: true }),
  }),
  key: (payload) => payload.personIdent,
});
export type TilfellerChanged = PayloadOf<typeof TilfellerChangedEvent>;

/** An employment, for possible-workday statistics. Employer level plus a person key; no name. */
export const ArbeidsforholdChangedEvent = defineEvent({
  type: 'intake.arbeidsforhold',
  version: 1,
  topic: 'intake.arbeidsforhold.v1',
  payload: z.strictObject({
    arbeidsforholdId: z.guid(),
    personIdent: PersonIdentSchema,
    orgnr: OrgnrSchema,
    hovedenhetOrgnr: OrgnrSchema,
    stillingsprosent: z.number().gt(0).max(100),
    fom: LocalDateSchema,
    tom: LocalDateSchema.nullable(),
    cancelled: z.boolean(),
  }),
  key: (payload) => payload.orgnr,
});
export type ArbeidsforholdChanged = PayloadOf<typeof ArbeidsforholdChangedEvent>;
