import { intakeDocumentsV1, intakeV1 } from '@syfo/contracts';
import { emptyToUndefined, enumName } from '@syfo/platform';

import type { Document, DocumentVersion } from './document.entity';

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
    personIdent: document.personIdent,
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
