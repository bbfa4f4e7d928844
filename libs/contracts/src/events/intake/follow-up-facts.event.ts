import { z } from 'zod';

import { defineEvent, type PayloadOf } from '../event-definition';
import { LocalDateSchema } from '../local-date.schema';
import { VV_MS_8W_Q1_ANSWERS, VV_MS_8W_Q2_ANSWERS, VV_MS_8W_Q3_ANSWERS, VV_MS_8W_Q3_UNSURE_REASONS } from './document-submissions.schema';
import { OrgnrSchema, PersonIdentSchema } from './sick-note-submission.schema';

// Follow-up facts: they leave the tilfeller as they are, but triage acts on them.

const VersionFields = {
  /** 1 for a new document; higher for each correction of it. */
  version: z.int().positive(),
  /** The sending system withdrew it: it no longer counts. */
  cancelled: z.boolean(),
};

/**
 * That an employer's oppfølgingsplan exists, each time it is accepted, corrected or withdrawn. None
 * of the plan's free text travels: triage needs to know that there is a plan and how it stands, not
 * what it says.
 */
export const OppfolgingsplanReceivedEvent = defineEvent({
  type: 'intake.oppfolgingsplan',
  version: 1,
  topic: 'intake.oppfolgingsplan.v1',
  payload: z.strictObject({
    planId: z.guid(),
    personIdent: PersonIdentSchema,
    orgnr: OrgnrSchema,
    createdOn: LocalDateSchema,
    evaluationDate: LocalDateSchema.nullable(),
    sharedWithNav: z.boolean(),
    /** The plan has measures that need help from NAV or the health services. */
    needsAssistanceFromNav: z.boolean(),
    ...VersionFields,
  }),
  key: (payload) => payload.personIdent,
});
export type OppfolgingsplanReceived = PayloadOf<typeof OppfolgingsplanReceivedEvent>;

const ScreeningAnswerFields = {
  answerId: z.guid(),
  personIdent: PersonIdentSchema,
  answeredAt: z.iso.datetime({ offset: true }),
  ...VersionFields,
};

/**
 * A sick-listed person's coded answer to a screening questionnaire, each time it is accepted,
 * corrected or withdrawn. An unanswered Vest-Viken question is null.
 */
export const ScreeningAnswerReceivedEvent = defineEvent({
  type: 'intake.screening-answer',
  version: 1,
  topic: 'intake.screening-answer.v1',
  payload: z.discriminatedUnion('questionnaire', [
    z.strictObject({
      ...ScreeningAnswerFields,
      questionnaire: z.literal('VV_MS_8W'),
      q1: z.enum(VV_MS_8W_Q1_ANSWERS).nullable(),
      q2: z.enum(VV_MS_8W_Q2_ANSWERS).nullable(),
      q3: z.enum(VV_MS_8W_Q3_ANSWERS).nullable(),
      q3UnsureReason: z.enum(VV_MS_8W_Q3_UNSURE_REASONS).nullable(),
      optOut: z.boolean(),
    }),
    z.strictObject({
      ...ScreeningAnswerFields,
      questionnaire: z.literal('SF_SP2'),
      score: z.int().min(1).max(5),
    }),
  ]),
  key: (payload) => payload.personIdent,
});
export type ScreeningAnswerReceived = PayloadOf<typeof ScreeningAnswerReceivedEvent>;
