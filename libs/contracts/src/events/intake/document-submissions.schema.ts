import { z } from 'zod';

import { LocalDateSchema } from '../local-date.schema';
import { DateRangeSchema, OrgnrSchema, PersonIdentSchema } from './sick-note-submission.schema';

const SourceFields = {
  sourceSystem: z.string().min(1).max(64),
  sourceId: z.string().min(1).max(128),
  personIdent: PersonIdentSchema,
};

export const SOKNAD_ACTIVITIES = ['INGEN_AKTIVITET', 'GRADERT_AKTIVITET', 'FULL_AKTIVITET', 'BEHANDLINGSDAGER'] as const;

/**
 * A sickness-benefit application (sykepengesøknad) for one employer. Its holidays, leave, return to
 * work, treatment days and corrected working time decide which days count as sick (handbook §3.2).
 */
export const SoknadSubmissionSchema = z
  .strictObject({
    ...SourceFields,
    orgnr: OrgnrSchema,
    fom: LocalDateSchema,
    tom: LocalDateSchema,
    /** sourceId of the earlier application this one replaces entirely. */
    korrigerer: z.string().min(1).max(128).optional(),
    ferie: z.array(DateRangeSchema).max(50).default([]),
    permisjon: z.array(DateRangeSchema).max(50).default([]),
    egenmeldinger: z.array(DateRangeSchema).max(50).default([]),
    /** The first day back at work; the rest of the application's period counts as working days. */
    arbeidGjenopptatt: LocalDateSchema.optional(),
    behandlingsdager: z.array(LocalDateSchema).max(100).default([]),
    korrigertArbeidstid: z.array(z.strictObject({ fom: LocalDateSchema, tom: LocalDateSchema, activity: z.enum(SOKNAD_ACTIVITIES) })).max(50).default([]),
  })
  .superRefine((soknad, ctx) => {
    if (soknad.tom < soknad.fom) ctx.addIssue({ code: 'custom', path: ['tom'], message: 'must not be before fom', params: { rule: 'period.order' } });
    if (soknad.arbeidGjenopptatt && (soknad.arbeidGjenopptatt < soknad.fom || soknad.arbeidGjenopptatt > soknad.tom)) {
      ctx.addIssue({ code: 'custom', path: ['arbeidGjenopptatt'], message: 'must fall within the application period', params: { rule: 'soknad.within_period' } });
    }
    if (soknad.korrigerer === soknad.sourceId) {
      ctx.addIssue({ code: 'custom', path: ['korrigerer'], message: 'an application cannot correct itself', params: { rule: 'soknad.self_correction' } });
    }
  });
export type SoknadSubmission = z.infer<typeof SoknadSubmissionSchema>;

/** The employer's income report: its employer period (arbeidsgiverperiode) counts as sick days. */
export const InntektsmeldingSubmissionSchema = z.strictObject({
  ...SourceFields,
  orgnr: OrgnrSchema,
  arbeidsgiverperioder: z.array(DateRangeSchema).min(1).max(10),
});
export type InntektsmeldingSubmission = z.infer<typeof InntektsmeldingSubmissionSchema>;

/** An employment (arbeidsforhold) at an establishment (underenhet) of an enterprise (hovedenhet). */
export const ArbeidsforholdSubmissionSchema = z
  .strictObject({
    ...SourceFields,
    orgnr: OrgnrSchema,
    hovedenhetOrgnr: OrgnrSchema,
    stillingsprosent: z.number().gt(0).max(100),
    fom: LocalDateSchema,
    tom: LocalDateSchema.optional(),
  })
  .refine((forhold) => forhold.tom === undefined || forhold.tom >= forhold.fom, { path: ['tom'], message: 'must not be before fom', params: { rule: 'period.order' } });
export type ArbeidsforholdSubmission = z.infer<typeof ArbeidsforholdSubmissionSchema>;

/** An external case system withdraws a document it sent: as if it had never arrived. */
export const DocumentCancellationSchema = z.strictObject({
  sourceSystem: z.string().min(1).max(64),
  sourceId: z.string().min(1).max(128),
  kind: z.enum(['SICK_NOTE', 'SOKNAD', 'INNTEKTSMELDING', 'ARBEIDSFORHOLD']),
  reason: z.string().min(3).max(200),
});
export type DocumentCancellation = z.infer<typeof DocumentCancellationSchema>;
