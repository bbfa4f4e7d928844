import { intakeV1 } from '@syfo/contracts';

import { fromSubmitRequest } from './sick-note.mapper';

describe('fromSubmitRequest', () => {
  const request: intakeV1.SubmitSickNoteRequest = {
    sourceSystem: 's',
    sourceId: '1',
    personIdent: '01019012480',
    orgnr: '',
    status: intakeV1.SickNoteStatus.SICK_NOTE_STATUS_BEKREFTET,
    issuedOn: '2025-01-06',
    periods: [{ fom: '2025-01-06', tom: '2025-01-19', type: intakeV1.PeriodType.PERIOD_TYPE_GRADED, grade: 40 }],
  };

  it('turns proto enums into domain names and an empty orgnr into none', () => {
    expect(fromSubmitRequest(request)).toEqual({
      sourceSystem: 's',
      sourceId: '1',
      personIdent: '01019012480',
      orgnr: undefined,
      status: 'BEKREFTET',
      issuedOn: '2025-01-06',
      diagnosis: undefined,
      periods: [{ fom: '2025-01-06', tom: '2025-01-19', type: 'GRADED', grade: 40 }],
    });
  });

  it('leaves an unspecified enum empty so validation reports the field as missing', () => {
    const mapped = fromSubmitRequest({ ...request, status: intakeV1.SickNoteStatus.SICK_NOTE_STATUS_UNSPECIFIED }) as { status?: string };
    expect(mapped.status).toBeUndefined();
  });
});
