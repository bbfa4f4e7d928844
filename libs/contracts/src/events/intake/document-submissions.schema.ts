import { z } from 'zod';

import { LocalDateSchema } from '../local-date.schema';
import { DateRangeSchema, OrgnrSchema, PersonIdentSchema, SentAtSchema } from './sick-note-submission.schema';
import { KommunenummerSchema, NaeringskodeSchema, SEKTORER } from './virksomhet.event';

/** Every kind of document case-intake takes in; a cancellation names one of them. */
export const DOCUMENT_KINDS = ['SICK_NOTE', 'SOKNAD', 'INNTEKTSMELDING', 'ARBEIDSFORHOLD', 'OPPFOLGINGSPLAN', 'SCREENING_ANSWER', 'VIRKSOMHET'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** How the sending system names a document: its corrections and its cancellation name it the same way. */
const SourceKeyFields = {
  sourceSystem: z.string().min(1).max(64),
  sourceId: z.string().min(1).max(128),
};

/** A document from a register about an employer, not about a person. */
const RegisterSourceFields = {
  ...SourceKeyFields,
  sentAt: SentAtSchema,
};

const SourceFields = {
  ...RegisterSourceFields,
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

/**
 * An establishment (underenhet) or enterprise (hovedenhet) as the employer register describes it
 * (handbook §7.1). It is about no person, and leaves the tilfeller as they are.
 */
export const VirksomhetSubmissionSchema = z
  .strictObject({
    ...RegisterSourceFields,
    orgnr: OrgnrSchema,
    /** The enterprise an underenhet belongs to; absent for a hovedenhet. */
    hovedenhetOrgnr: OrgnrSchema.optional(),
    naeringskode: NaeringskodeSchema,
    sektor: z.enum(SEKTORER),
    kommunenummer: KommunenummerSchema,
  })
  .refine((virksomhet) => virksomhet.hovedenhetOrgnr !== virksomhet.orgnr, {
    path: ['hovedenhetOrgnr'],
    message: 'must not be the orgnr itself: a hovedenhet has none, and an underenhet is not its own hovedenhet',
    params: { rule: 'virksomhet.own_hovedenhet' },
  });
export type VirksomhetSubmission = z.infer<typeof VirksomhetSubmissionSchema>;

/** An external case system withdraws a document it sent: as if it had never arrived. */
export const DocumentCancellationSchema = z.strictObject({
  ...SourceKeyFields,
  kind: z.enum(DOCUMENT_KINDS),
  reason: z.string().min(3).max(200),
});
export type DocumentCancellation = z.infer<typeof DocumentCancellationSchema>;

const OPPFOLGINGSPLAN_TEXT_MAX = 4000;
const OPPFOLGINGSPLAN_MEASURE_MAX = 1000;
const OPPFOLGINGSPLAN_MEASURES_MAX = 20;

const isFilled = (value: string | readonly string[]): boolean => (typeof value === 'string' ? value.trim().length > 0 : value.length > 0);
const partRequired = { message: 'is a required part of the plan and must be filled in', params: { rule: 'oppfolgingsplan.part_required' } };

/** A free-text part of the plan. Missing and blank are the same refusal: the part was not filled in. */
const PlanTextSchema = z.string().max(OPPFOLGINGSPLAN_TEXT_MAX).refine(isFilled, partRequired).prefault('');

/** A list of measures, each a non-blank text. */
const MeasureListSchema = z
  .array(z.string().max(OPPFOLGINGSPLAN_MEASURE_MAX).refine(isFilled, { message: 'must not be blank', params: { rule: 'oppfolgingsplan.measure_blank' } }))
  .max(OPPFOLGINGSPLAN_MEASURES_MAX);
/** The employer's own measures: at least one. */
const PlanMeasuresSchema = MeasureListSchema.refine(isFilled, partRequired).prefault([]);

/**
 * The employer's follow-up plan (oppfølgingsplan), made with the employee (aml § 4-6, handbook §2.2).
 * Its four parts are the law's; all must be addressed, and an empty list of measures with NAV's help
 * means none is needed. The free text is sensitive: case-intake keeps it
 * in the stored document and nowhere else; events say only that a plan exists and how it stands.
 */
export const OppfolgingsplanSubmissionSchema = z
  .strictObject({
    ...SourceFields,
    orgnr: OrgnrSchema,
    createdOn: LocalDateSchema,
    /** How the employee's tasks and capacity for work were assessed. */
    arbeidsoppgaverOgArbeidsevne: PlanTextSchema,
    /** What the employer itself will do. */
    tiltakArbeidsgiver: PlanMeasuresSchema,
    /** What is to be done with help from NAV or the health services; empty when none is needed. */
    tiltakMedBistand: MeasureListSchema.default([]),
    /** How the follow-up is to continue. */
    videreOppfolging: PlanTextSchema,
    /** When the plan is to be looked at again; not before it was made. */
    evaluationDate: LocalDateSchema.optional(),
    sharedWithNav: z.boolean(),
    sharedWithSykmelder: z.boolean(),
    approvedByEmployee: z.boolean(),
  })
  .refine((plan) => plan.evaluationDate === undefined || plan.evaluationDate >= plan.createdOn, {
    path: ['evaluationDate'],
    message: 'must not be before createdOn',
    params: { rule: 'oppfolgingsplan.evaluation_order' },
  });
export type OppfolgingsplanSubmission = z.infer<typeof OppfolgingsplanSubmissionSchema>;

/** The screening questionnaires a sick-listed person answers (handbook §4.2 and §4.3). */
export const SCREENING_QUESTIONNAIRES = ['VV_MS_8W', 'SF_SP2'] as const;
export type ScreeningQuestionnaire = (typeof SCREENING_QUESTIONNAIRES)[number];

/** Vest-Viken at 8 weeks, answer codes per question: Q1 return to the job, Q2 relation to the employer, Q3 expected duration. */
export const VV_MS_8W_Q1_ANSWERS = ['1:1', '1:2', '1:3'] as const;
export const VV_MS_8W_Q2_ANSWERS = ['2:1', '2:2', '2:3'] as const;
export const VV_MS_8W_Q3_ANSWERS = ['3:1', '3:2', '3:3'] as const;
/** Why the person is unsure of the duration (Q3 = 3:3). */
export const VV_MS_8W_Q3_UNSURE_REASONS = ['TREATMENT_OUTCOME', 'OTHER'] as const;
export const VV_MS_8W_Q3_UNSURE = '3:3';

const ScreeningSourceFields = {
  ...SourceFields,
  answeredAt: z.iso.datetime({ offset: true }),
};

/** Every question may be left unanswered; an unanswered question is a fact for triage, not an error. */
export const VestVikenScreeningAnswerSchema = z
  .strictObject({
    ...ScreeningSourceFields,
    questionnaire: z.literal('VV_MS_8W'),
    q1: z.enum(VV_MS_8W_Q1_ANSWERS).optional(),
    q2: z.enum(VV_MS_8W_Q2_ANSWERS).optional(),
    q3: z.enum(VV_MS_8W_Q3_ANSWERS).optional(),
    q3UnsureReason: z.enum(VV_MS_8W_Q3_UNSURE_REASONS).optional(),
    /** The person declined to have the coded answers kept for evaluation of the pilot. */
    optOut: z.boolean(),
  })
  .refine((answer) => answer.q3UnsureReason === undefined || answer.q3 === VV_MS_8W_Q3_UNSURE, {
    path: ['q3UnsureReason'],
    message: `is only allowed when q3 is ${VV_MS_8W_Q3_UNSURE}`,
    params: { rule: 'screening.unsure_reason_forbidden' },
  });

/** Sunnfjord stoppunkt 2: how well returning to work within weeks fits, 1 (very badly) to 5 (very well). */
export const SunnfjordScreeningAnswerSchema = z.strictObject({
  ...ScreeningSourceFields,
  questionnaire: z.literal('SF_SP2'),
  score: z.int().min(1).max(5),
});

/** A sick-listed person's coded answer to one screening questionnaire. There is no free text. */
export const ScreeningAnswerSubmissionSchema = z.discriminatedUnion('questionnaire', [VestVikenScreeningAnswerSchema, SunnfjordScreeningAnswerSchema]);
export type ScreeningAnswerSubmission = z.infer<typeof ScreeningAnswerSubmissionSchema>;
