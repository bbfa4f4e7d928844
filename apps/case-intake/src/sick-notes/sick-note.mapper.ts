import { intakeV1, type SickNoteSubmission } from '@syfo/contracts';
import { emptyToUndefined, enumName } from '@syfo/platform';

import type { SickNote } from './sick-note.entity';

/** Proto request to the submission shape; validation happens after, on the whole of it. */
export function fromSubmitRequest(request: intakeV1.SubmitSickNoteRequest): unknown {
  return {
    sourceSystem: request.sourceSystem,
    sourceId: request.sourceId,
    personIdent: request.personIdent,
    orgnr: emptyToUndefined(request.orgnr),
    status: enumName(request.status, 'SICK_NOTE_STATUS_'),
    issuedOn: request.issuedOn,
    diagnosis: request.diagnosis
      ? { system: enumName(request.diagnosis.system, 'DIAGNOSIS_SYSTEM_'), code: request.diagnosis.code }
      : undefined,
    periods: (request.periods ?? []).map((period) => ({
      fom: period.fom,
      tom: period.tom,
      type: enumName(period.type, 'PERIOD_TYPE_'),
      grade: period.grade ?? undefined,
    })),
  };
}

export function toGetResponse(note: SickNote): intakeV1.GetSickNoteResponse {
  return {
    sickNoteId: note.id,
    sourceSystem: note.sourceSystem,
    sourceId: note.sourceId,
    personIdent: note.personIdent,
    orgnr: note.orgnr ?? undefined,
    status: `SICK_NOTE_STATUS_${note.status}` as intakeV1.SickNoteStatus,
    issuedOn: note.issuedOn,
    periods: note.periods.map((period: SickNoteSubmission['periods'][number]) => ({
      fom: period.fom,
      tom: period.tom,
      type: `PERIOD_TYPE_${period.type}` as intakeV1.PeriodType,
      grade: period.grade,
    })),
    receivedAt: note.receivedAt.toISOString(),
  };
}
