import { intakeDocumentsV1, intakeV1 } from '@syfo/contracts';

import { fromCancelDocument, fromSubmitSickNote, fromSubmitSoknad } from './document-requests.mapper';

describe('request mappers', () => {
  const request: intakeV1.SubmitSickNoteRequest = {
    sourceSystem: 's',
    sourceId: '1',
    personIdent: '01019012480',
    orgnr: '',
    status: intakeV1.SickNoteStatus.SICK_NOTE_STATUS_BEKREFTET,
    issuedOn: '2025-01-06',
    periods: [{ fom: '2025-01-06', tom: '2025-01-19', type: intakeV1.PeriodType.PERIOD_TYPE_GRADED, grade: 40 }],
    egenmeldingsperioder: [],
  };

  it('turns proto enums into domain names and empty optionals into none', () => {
    expect(fromSubmitSickNote(request)).toEqual({
      sourceSystem: 's',
      sourceId: '1',
      personIdent: '01019012480',
      orgnr: undefined,
      status: 'BEKREFTET',
      issuedOn: '2025-01-06',
      diagnosis: undefined,
      periods: [{ fom: '2025-01-06', tom: '2025-01-19', type: 'GRADED', grade: 40 }],
      egenmeldingsperioder: undefined,
      issuerHpr: undefined,
    });
  });

  it('leaves an unspecified enum empty so validation reports the field as missing', () => {
    expect((fromSubmitSickNote({ ...request, status: intakeV1.SickNoteStatus.SICK_NOTE_STATUS_UNSPECIFIED }) as { status?: string }).status).toBeUndefined();
    expect((fromCancelDocument({ sourceSystem: 's', sourceId: '1', kind: intakeDocumentsV1.DocumentKind.DOCUMENT_KIND_UNSPECIFIED, reason: 'r' }) as { kind?: string }).kind).toBeUndefined();
  });

  it('maps corrected working time activities', () => {
    const soknad = fromSubmitSoknad({
      sourceSystem: 's',
      sourceId: '2',
      personIdent: '01019012480',
      orgnr: '889640782',
      fom: '2025-01-06',
      tom: '2025-01-19',
      korrigerer: '',
      ferie: [],
      permisjon: [],
      egenmeldinger: [],
      arbeidGjenopptatt: '',
      behandlingsdager: [],
      korrigertArbeidstid: [{ fom: '2025-01-06', tom: '2025-01-10', activity: intakeDocumentsV1.SoknadActivity.SOKNAD_ACTIVITY_GRADERT_AKTIVITET }],
    }) as { korrigerer?: string; arbeidGjenopptatt?: string; korrigertArbeidstid: { activity: string }[] };
    expect(soknad.korrigerer).toBeUndefined();
    expect(soknad.arbeidGjenopptatt).toBeUndefined();
    expect(soknad.korrigertArbeidstid[0]!.activity).toBe('GRADERT_AKTIVITET');
  });
});
