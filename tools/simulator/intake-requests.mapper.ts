import {
  intakeDocumentsV1,
  intakeV1,
  type ScreeningAnswerSubmission,
  type SickNoteSubmission,
  type VV_MS_8W_Q1_ANSWERS,
  type VV_MS_8W_Q2_ANSWERS,
  type VV_MS_8W_Q3_ANSWERS,
} from '@syfo/contracts';

import type { FeedItem } from './feed-item';

/** Which case-intake rpc takes a document, and its request in the proto's shape. */
export type IntakeRequest =
  | { readonly service: 'SickNoteService'; readonly method: 'SubmitSickNotes'; readonly request: intakeV1.SubmitSickNoteRequest }
  | { readonly service: 'DocumentService'; readonly method: 'SubmitVirksomhet'; readonly request: intakeDocumentsV1.SubmitVirksomhetRequest }
  | { readonly service: 'DocumentService'; readonly method: 'SubmitArbeidsforhold'; readonly request: intakeDocumentsV1.SubmitArbeidsforholdRequest }
  | { readonly service: 'DocumentService'; readonly method: 'SubmitSoknad'; readonly request: intakeDocumentsV1.SubmitSoknadRequest }
  | { readonly service: 'DocumentService'; readonly method: 'SubmitScreeningAnswer'; readonly request: intakeDocumentsV1.SubmitScreeningAnswerRequest }
  | { readonly service: 'DocumentService'; readonly method: 'CancelDocument'; readonly request: intakeDocumentsV1.CancelDocumentRequest };

/** The submission shapes turned into proto requests: the inverse of case-intake's own request mapper. */
export function toIntakeRequest(item: FeedItem): IntakeRequest {
  switch (item.kind) {
    case 'sick-note':
      return { service: 'SickNoteService', method: 'SubmitSickNotes', request: toSickNoteRequest(item.submission) };
    case 'virksomhet': {
      const { sektor, ...rest } = item.submission;
      return { service: 'DocumentService', method: 'SubmitVirksomhet', request: { ...rest, sektor: intakeDocumentsV1.Sektor[`SEKTOR_${sektor}`] } };
    }
    case 'arbeidsforhold':
      return { service: 'DocumentService', method: 'SubmitArbeidsforhold', request: item.submission };
    case 'soknad': {
      const { korrigertArbeidstid, ...rest } = item.submission;
      const activities = korrigertArbeidstid.map(({ activity, ...range }) => ({ ...range, activity: intakeDocumentsV1.SoknadActivity[`SOKNAD_ACTIVITY_${activity}`] }));
      return { service: 'DocumentService', method: 'SubmitSoknad', request: { ...rest, korrigertArbeidstid: activities } };
    }
    case 'screening-answer':
      return { service: 'DocumentService', method: 'SubmitScreeningAnswer', request: toScreeningAnswerRequest(item.submission) };
    case 'cancellation': {
      const { kind, ...rest } = item.submission;
      return { service: 'DocumentService', method: 'CancelDocument', request: { ...rest, kind: intakeDocumentsV1.DocumentKind[`DOCUMENT_KIND_${kind}`] } };
    }
  }
}

function toSickNoteRequest(note: SickNoteSubmission): intakeV1.SubmitSickNoteRequest {
  return {
    sourceSystem: note.sourceSystem,
    sourceId: note.sourceId,
    personIdent: note.personIdent,
    orgnr: note.orgnr,
    status: intakeV1.SickNoteStatus[`SICK_NOTE_STATUS_${note.status}`],
    issuedOn: note.issuedOn,
    diagnosis: note.diagnosis && { system: intakeV1.DiagnosisSystem[`DIAGNOSIS_SYSTEM_${note.diagnosis.system}`], code: note.diagnosis.code },
    periods: note.periods.map((period) => ({ fom: period.fom, tom: period.tom, type: intakeV1.PeriodType[`PERIOD_TYPE_${period.type}`], grade: period.grade })),
    egenmeldingsperioder: note.egenmeldingsperioder ?? [],
    issuerHpr: note.issuerHpr,
    sentAt: note.sentAt,
  };
}

// The proto names the Vest-Viken answers; the domain codes them (case-intake maps them back).
const Q1: Readonly<Record<(typeof VV_MS_8W_Q1_ANSWERS)[number], intakeDocumentsV1.ReturnLikelihood>> = {
  '1:1': intakeDocumentsV1.ReturnLikelihood.RETURN_LIKELIHOOD_VERY_LIKELY,
  '1:2': intakeDocumentsV1.ReturnLikelihood.RETURN_LIKELIHOOD_UNSURE,
  '1:3': intakeDocumentsV1.ReturnLikelihood.RETURN_LIKELIHOOD_UNLIKELY,
};
const Q2: Readonly<Record<(typeof VV_MS_8W_Q2_ANSWERS)[number], intakeDocumentsV1.EmployerRelation>> = {
  '2:1': intakeDocumentsV1.EmployerRelation.EMPLOYER_RELATION_GOOD,
  '2:2': intakeDocumentsV1.EmployerRelation.EMPLOYER_RELATION_DIFFICULT,
  '2:3': intakeDocumentsV1.EmployerRelation.EMPLOYER_RELATION_NEITHER,
};
const Q3: Readonly<Record<(typeof VV_MS_8W_Q3_ANSWERS)[number], intakeDocumentsV1.ExpectedDuration>> = {
  '3:1': intakeDocumentsV1.ExpectedDuration.EXPECTED_DURATION_UNDER_26_WEEKS,
  '3:2': intakeDocumentsV1.ExpectedDuration.EXPECTED_DURATION_OVER_26_WEEKS,
  '3:3': intakeDocumentsV1.ExpectedDuration.EXPECTED_DURATION_UNSURE,
};

function toScreeningAnswerRequest(answer: ScreeningAnswerSubmission): intakeDocumentsV1.SubmitScreeningAnswerRequest {
  const source = { sourceSystem: answer.sourceSystem, sourceId: answer.sourceId, personIdent: answer.personIdent, answeredAt: answer.answeredAt, sentAt: answer.sentAt };
  if (answer.questionnaire === 'SF_SP2') return { ...source, sunnfjord: { score: answer.score } };
  // An unanswered question is the unspecified value.
  return {
    ...source,
    vestViken: {
      q1: answer.q1 ? Q1[answer.q1] : intakeDocumentsV1.ReturnLikelihood.RETURN_LIKELIHOOD_UNSPECIFIED,
      q2: answer.q2 ? Q2[answer.q2] : intakeDocumentsV1.EmployerRelation.EMPLOYER_RELATION_UNSPECIFIED,
      q3: answer.q3 ? Q3[answer.q3] : intakeDocumentsV1.ExpectedDuration.EXPECTED_DURATION_UNSPECIFIED,
      q3UnsureReason: answer.q3UnsureReason ? intakeDocumentsV1.DurationUnsureReason[`DURATION_UNSURE_REASON_${answer.q3UnsureReason}`] : intakeDocumentsV1.DurationUnsureReason.DURATION_UNSURE_REASON_UNSPECIFIED,
      optOut: answer.optOut,
    },
  };
}
