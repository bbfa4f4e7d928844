import {
  intakeDocumentsV1,
  intakeV1,
  ScreeningAnswerSubmissionSchema,
  toFieldViolations,
  type ScreeningAnswerSubmission,
  type ScreeningQuestionnaire,
  type VV_MS_8W_Q1_ANSWERS,
  type VV_MS_8W_Q2_ANSWERS,
  type VV_MS_8W_Q3_ANSWERS,
  type VV_MS_8W_Q3_UNSURE_REASONS,
} from '@syfo/contracts';
import { DomainError, emptyToUndefined, enumName } from '@syfo/platform';

import { personOf, type Document, type DocumentVersion } from './document.entity';

/** Proto requests to the submission shapes; validation happens after, on the whole of each. */
export function fromSubmitSickNote(request: intakeV1.SubmitSickNoteRequest | undefined): unknown {
  if (!request) return {};
  return {
    sourceSystem: request.sourceSystem,
    sourceId: request.sourceId,
    personIdent: request.personIdent,
    orgnr: emptyToUndefined(request.orgnr),
    status: enumName(request.status, 'SICK_NOTE_STATUS_'),
    issuedOn: request.issuedOn,
    diagnosis: request.diagnosis ? { system: enumName(request.diagnosis.system, 'DIAGNOSIS_SYSTEM_'), code: request.diagnosis.code } : undefined,
    periods: (request.periods ?? []).map((period) => ({ fom: period.fom, tom: period.tom, type: enumName(period.type, 'PERIOD_TYPE_'), grade: period.grade ?? undefined })),
    egenmeldingsperioder: request.egenmeldingsperioder?.length ? request.egenmeldingsperioder : undefined,
    issuerHpr: emptyToUndefined(request.issuerHpr),
    sentAt: emptyToUndefined(request.sentAt),
  };
}

export function fromSubmitSoknad(request: intakeDocumentsV1.SubmitSoknadRequest): unknown {
  return {
    ...request,
    korrigerer: emptyToUndefined(request.korrigerer),
    arbeidGjenopptatt: emptyToUndefined(request.arbeidGjenopptatt),
    korrigertArbeidstid: (request.korrigertArbeidstid ?? []).map((range) => ({ ...range, activity: enumName(range.activity, 'SOKNAD_ACTIVITY_') })),
  };
}

export function fromSubmitArbeidsforhold(request: intakeDocumentsV1.SubmitArbeidsforholdRequest): unknown {
  return { ...request, tom: emptyToUndefined(request.tom) };
}

export function fromSubmitOppfolgingsplan(request: intakeDocumentsV1.SubmitOppfolgingsplanRequest): unknown {
  return { ...request, evaluationDate: emptyToUndefined(request.evaluationDate) };
}

export function fromSubmitVirksomhet(request: intakeDocumentsV1.SubmitVirksomhetRequest): unknown {
  return { ...request, hovedenhetOrgnr: emptyToUndefined(request.hovedenhetOrgnr), sektor: enumName(request.sektor, 'SEKTOR_') };
}

type Codes<E extends string, C extends readonly string[]> = Readonly<Record<Exclude<E, `${string}_UNSPECIFIED` | 'UNRECOGNIZED'>, C[number]>>;

// The proto names the Vest-Viken answers; the domain (and the handbook) codes them.
const Q1_CODES: Codes<intakeDocumentsV1.ReturnLikelihood, typeof VV_MS_8W_Q1_ANSWERS> = {
  RETURN_LIKELIHOOD_VERY_LIKELY: '1:1',
  RETURN_LIKELIHOOD_UNSURE: '1:2',
  RETURN_LIKELIHOOD_UNLIKELY: '1:3',
};
const Q2_CODES: Codes<intakeDocumentsV1.EmployerRelation, typeof VV_MS_8W_Q2_ANSWERS> = {
  EMPLOYER_RELATION_GOOD: '2:1',
  EMPLOYER_RELATION_DIFFICULT: '2:2',
  EMPLOYER_RELATION_NEITHER: '2:3',
};
const Q3_CODES: Codes<intakeDocumentsV1.ExpectedDuration, typeof VV_MS_8W_Q3_ANSWERS> = {
  EXPECTED_DURATION_UNDER_26_WEEKS: '3:1',
  EXPECTED_DURATION_OVER_26_WEEKS: '3:2',
  EXPECTED_DURATION_UNSURE: '3:3',
};
const UNSURE_REASONS: Codes<intakeDocumentsV1.DurationUnsureReason, typeof VV_MS_8W_Q3_UNSURE_REASONS> = {
  DURATION_UNSURE_REASON_TREATMENT_OUTCOME: 'TREATMENT_OUTCOME',
  DURATION_UNSURE_REASON_OTHER: 'OTHER',
};

/**
 * Unspecified is unanswered. Anything the table does not know (an enum number newer than this
 * service arrives as a number) passes through for validation to refuse.
 */
function answerCode(codes: Readonly<Record<string, string>>, value: string | number | undefined): unknown {
  if (value === undefined || (typeof value === 'string' && value.endsWith('_UNSPECIFIED'))) return undefined;
  return codes[value] ?? value;
}

/** The questionnaire is the oneof member that is set; with neither, validation reports it missing. */
export function fromSubmitScreeningAnswer(request: intakeDocumentsV1.SubmitScreeningAnswerRequest): unknown {
  const { vestViken, sunnfjord, ...source } = request;
  if (vestViken) {
    return {
      ...source,
      questionnaire: 'VV_MS_8W',
      q1: answerCode(Q1_CODES, vestViken.q1),
      q2: answerCode(Q2_CODES, vestViken.q2),
      q3: answerCode(Q3_CODES, vestViken.q3),
      q3UnsureReason: answerCode(UNSURE_REASONS, vestViken.q3UnsureReason),
      optOut: vestViken.optOut,
    };
  }
  if (sunnfjord) return { ...source, questionnaire: 'SF_SP2', score: sunnfjord.score };
  return source;
}

const ANSWER_MESSAGE_FIELD: Record<ScreeningQuestionnaire, { readonly message: string; readonly fields: readonly string[] }> = {
  VV_MS_8W: { message: 'vestViken', fields: ['q1', 'q2', 'q3', 'q3UnsureReason', 'optOut'] },
  SF_SP2: { message: 'sunnfjord', fields: ['score'] },
};

/**
 * Validates a screening answer request. Validation reports answers by their domain path (`score`);
 * the caller wrote them inside the questionnaire's message (`sunnfjord.score`), so that is the name
 * the violations get.
 */
export function parseScreeningAnswerRequest(request: intakeDocumentsV1.SubmitScreeningAnswerRequest): ScreeningAnswerSubmission {
  const candidate = fromSubmitScreeningAnswer(request);
  const result = ScreeningAnswerSubmissionSchema.safeParse(candidate);
  if (result.success) return result.data;
  const questionnaire = (candidate as { questionnaire?: ScreeningQuestionnaire }).questionnaire;
  const answers = questionnaire ? ANSWER_MESSAGE_FIELD[questionnaire] : undefined;
  throw DomainError.invalid(
    toFieldViolations(result.error).map((violation) => {
      const head = violation.field.split(/[.[]/)[0]!;
      return answers?.fields.includes(head) ? { ...violation, field: `${answers.message}.${violation.field}` } : violation;
    }),
  );
}

export function fromCancelDocument(request: intakeDocumentsV1.CancelDocumentRequest): unknown {
  return { ...request, kind: enumName(request.kind, 'DOCUMENT_KIND_') };
}

interface SickNoteBody {
  status: string;
  issuedOn: string;
  periods: { fom: string; tom: string; type: string; grade?: number }[];
  egenmeldingsperioder?: { fom: string; tom: string }[];
}

export function toSickNoteResponse(document: Document, versions: readonly DocumentVersion[]): intakeV1.GetSickNoteResponse {
  const body = document.body as unknown as SickNoteBody;
  return {
    sickNoteId: document.id,
    sourceSystem: document.sourceSystem,
    sourceId: document.sourceId,
    personIdent: personOf(document),
    orgnr: document.orgnr ?? undefined,
    status: `SICK_NOTE_STATUS_${body.status}` as intakeV1.SickNoteStatus,
    issuedOn: body.issuedOn,
    periods: toPeriods(body.periods),
    receivedAt: document.receivedAt.toISOString(),
    version: document.version,
    versions: versions.map((version) => {
      const versionBody = version.body as unknown as SickNoteBody;
      return {
        version: version.version,
        receivedAt: version.receivedAt.toISOString(),
        status: `SICK_NOTE_STATUS_${versionBody.status}` as intakeV1.SickNoteStatus,
        orgnr: version.orgnr ?? undefined,
        periods: toPeriods(versionBody.periods),
      };
    }),
    cancelled: document.cancelledAt !== null,
    egenmeldingsperioder: body.egenmeldingsperioder ?? [],
  };
}

function toPeriods(periods: SickNoteBody['periods']): intakeV1.SickNotePeriod[] {
  return periods.map((period) => ({ fom: period.fom, tom: period.tom, type: `PERIOD_TYPE_${period.type}` as intakeV1.PeriodType, grade: period.grade }));
}
