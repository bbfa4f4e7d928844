import { checkOrgnr, checkPersonIdent } from '@syfo/norwegian-ids';
import { z } from 'zod';

import { LocalDateSchema } from '../local-date.schema';

export const PersonIdentSchema = z.string().superRefine((value, ctx) => {
  const check = checkPersonIdent(value);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message, params: { rule: `person_ident.${check.rule}` } });
});

export const OrgnrSchema = z.string().superRefine((value, ctx) => {
  const check = checkOrgnr(value);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message, params: { rule: `orgnr.${check.rule}` } });
});

export const DateRangeSchema = z
  .strictObject({ fom: LocalDateSchema, tom: LocalDateSchema })
  .refine((range) => range.tom >= range.fom, { path: ['tom'], message: 'must not be before fom', params: { rule: 'period.order' } });

/**
 * When the sending system produced this version of a document. Versions are ordered by it, so a
 * correction that overtakes its original still wins; without it, arrival order decides.
 */
export const SentAtSchema = z.preprocess((value) => (value === '' ? undefined : value), z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time with offset' }).optional());

export const SICK_NOTE_STATUSES = ['NY', 'SENDT', 'BEKREFTET', 'AVBRUTT'] as const;
export const PERIOD_TYPES = ['FULL', 'GRADED', 'AVVENTENDE', 'BEHANDLINGSDAGER', 'REISETILSKUDD'] as const;

export const SickNotePeriodSchema = z
  .strictObject({
    fom: LocalDateSchema,
    tom: LocalDateSchema,
    type: z.enum(PERIOD_TYPES),
    grade: z.int().min(1).max(99).optional(),
  })
  .superRefine((period, ctx) => {
    if (period.tom < period.fom) {
      ctx.addIssue({ code: 'custom', path: ['tom'], message: 'must not be before fom', params: { rule: 'period.order' } });
    }
    if (period.type === 'GRADED' && period.grade === undefined) {
      ctx.addIssue({ code: 'custom', path: ['grade'], message: 'is required for a graded period', params: { rule: 'period.grade_required' } });
    }
    if (period.type !== 'GRADED' && period.grade !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['grade'], message: 'is only allowed on a graded period', params: { rule: 'period.grade_forbidden' } });
    }
  });

/**
 * A sick note as an external case system submits it, over gRPC or the inbound topic. The diagnosis is
 * sensitive: it is stored by case-intake and never leaves it.
 */
export const SickNoteSubmissionSchema = z
  .strictObject({
    sourceSystem: z.string().min(1).max(64),
    sourceId: z.string().min(1).max(128),
    personIdent: PersonIdentSchema,
    orgnr: OrgnrSchema.optional(),
    status: z.enum(SICK_NOTE_STATUSES),
    issuedOn: LocalDateSchema,
    diagnosis: z
      .strictObject({
        system: z.enum(['ICPC2', 'ICD10']),
        code: z.string().regex(/^[A-Z][0-9A-Z.]{1,7}$/, 'must be an ICPC-2 or ICD-10 code'),
      })
      .optional(),
    periods: z.array(SickNotePeriodSchema).min(1).max(50),
    /** Self-certified days (egenmelding) the person reported before this note. */
    egenmeldingsperioder: z.array(DateRangeSchema).max(20).optional(),
    /** The issuing clinician's HPR number (Helsepersonellregisteret). */
    issuerHpr: z.string().regex(/^\d{7,9}$/, 'must be a 7–9 digit HPR number').optional(),
    sentAt: SentAtSchema,
  })
  .superRefine((note, ctx) => {
    if (note.status === 'SENDT' && note.orgnr === undefined) {
      ctx.addIssue({ code: 'custom', path: ['orgnr'], message: 'is required when the note is sent to an employer', params: { rule: 'sick_note.orgnr_required' } });
    }
    if (note.status === 'BEKREFTET' && note.orgnr !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['orgnr'], message: 'must be empty when confirmed without employer', params: { rule: 'sick_note.orgnr_forbidden' } });
    }
  });
export type SickNoteSubmission = z.infer<typeof SickNoteSubmissionSchema>;
