import { intakeDocumentsV1, intakeV1 } from '@syfo/contracts';

import { SOURCE_SYSTEM } from './feed-item';
import { toIntakeRequest } from './intake-requests.mapper';

const IDENT = '15811012345';
const source = { sourceSystem: SOURCE_SYSTEM, sourceId: 'x1' };

describe('toIntakeRequest', () => {
  it('sends sick notes through the bulk stream with the proto enum names', () => {
    const request = toIntakeRequest({
      kind: 'sick-note',
      at: '2025-03-03T08:00:00Z',
      submission: {
        ...source,
        personIdent: IDENT,
        orgnr: '800000004',
        status: 'SENDT',
        issuedOn: '2025-03-03',
        diagnosis: { system: 'ICPC2', code: 'L03' },
        periods: [
          { fom: '2025-03-03', tom: '2025-03-09', type: 'FULL' },
          { fom: '2025-03-10', tom: '2025-03-16', type: 'GRADED', grade: 50 },
        ],
        egenmeldingsperioder: [{ fom: '2025-03-01', tom: '2025-03-02' }],
        issuerHpr: '900301000',
        sentAt: '2025-03-03T08:00:00Z',
      },
    });
    expect(request).toEqual({
      service: 'SickNoteService',
      method: 'SubmitSickNotes',
      request: {
        ...source,
        personIdent: IDENT,
        orgnr: '800000004',
        status: intakeV1.SickNoteStatus.SICK_NOTE_STATUS_SENDT,
        issuedOn: '2025-03-03',
        diagnosis: { system: intakeV1.DiagnosisSystem.DIAGNOSIS_SYSTEM_ICPC2, code: 'L03' },
        periods: [
          { fom: '2025-03-03', tom: '2025-03-09', type: intakeV1.PeriodType.PERIOD_TYPE_FULL, grade: undefined },
          { fom: '2025-03-10', tom: '2025-03-16', type: intakeV1.PeriodType.PERIOD_TYPE_GRADED, grade: 50 },
        ],
        egenmeldingsperioder: [{ fom: '2025-03-01', tom: '2025-03-02' }],
        issuerHpr: '900301000',
        sentAt: '2025-03-03T08:00:00Z',
      },
    });
  });

  it('sends a note without egenmelding with an empty list, and a BEKREFTET one without orgnr', () => {
    const request = toIntakeRequest({
      kind: 'sick-note',
      at: '2025-03-03T08:00:00Z',
      submission: { ...source, personIdent: IDENT, status: 'BEKREFTET', issuedOn: '2025-03-03', periods: [{ fom: '2025-03-03', tom: '2025-03-09', type: 'FULL' }] },
    });
    expect(request.request).toMatchObject({ orgnr: undefined, status: intakeV1.SickNoteStatus.SICK_NOTE_STATUS_BEKREFTET, egenmeldingsperioder: [] });
  });

  it('maps the employer register, with the sector as the proto enum and no hovedenhet for a hovedenhet', () => {
    const request = toIntakeRequest({
      kind: 'virksomhet',
      at: '2021-12-31T05:00:00Z',
      submission: { ...source, orgnr: '800000012', naeringskode: '84.110', sektor: 'KOMMUNAL', kommunenummer: '4601', sentAt: '2021-12-31T05:00:00Z' },
    });
    expect(request).toEqual({
      service: 'DocumentService',
      method: 'SubmitVirksomhet',
      request: { ...source, orgnr: '800000012', naeringskode: '84.110', sektor: intakeDocumentsV1.Sektor.SEKTOR_KOMMUNAL, kommunenummer: '4601', sentAt: '2021-12-31T05:00:00Z' },
    });
  });

  it('codes Vest-Viken answers as the proto names them, an unanswered question as unspecified', () => {
    const request = toIntakeRequest({
      kind: 'screening-answer',
      at: '2025-05-01T10:00:00Z',
      submission: { ...source, personIdent: IDENT, answeredAt: '2025-05-01T10:00:00Z', questionnaire: 'VV_MS_8W', q1: '1:3', q3: '3:3', q3UnsureReason: 'TREATMENT_OUTCOME', optOut: true },
    });
    expect(request.request).toEqual({
      ...source,
      personIdent: IDENT,
      answeredAt: '2025-05-01T10:00:00Z',
      sentAt: undefined,
      vestViken: {
        q1: intakeDocumentsV1.ReturnLikelihood.RETURN_LIKELIHOOD_UNLIKELY,
        q2: intakeDocumentsV1.EmployerRelation.EMPLOYER_RELATION_UNSPECIFIED,
        q3: intakeDocumentsV1.ExpectedDuration.EXPECTED_DURATION_UNSURE,
        q3UnsureReason: intakeDocumentsV1.DurationUnsureReason.DURATION_UNSURE_REASON_TREATMENT_OUTCOME,
        optOut: true,
      },
    });
  });

  it('sends a Sunnfjord score in its own message', () => {
    const request = toIntakeRequest({
      kind: 'screening-answer',
      at: '2025-05-01T10:00:00Z',
      submission: { ...source, personIdent: IDENT, answeredAt: '2025-05-01T10:00:00Z', questionnaire: 'SF_SP2', score: 2 },
    });
    expect(request).toMatchObject({ method: 'SubmitScreeningAnswer', request: { sunnfjord: { score: 2 } } });
    expect(request.request).not.toHaveProperty('vestViken');
  });

  it('maps søknader, arbeidsforhold and cancellations to their rpcs', () => {
    const soknad = toIntakeRequest({
      kind: 'soknad',
      at: '2025-03-20T10:00:00Z',
      submission: {
        ...source,
        personIdent: IDENT,
        orgnr: '800000004',
        fom: '2025-03-03',
        tom: '2025-03-16',
        ferie: [],
        permisjon: [],
        egenmeldinger: [],
        behandlingsdager: [],
        korrigertArbeidstid: [{ fom: '2025-03-10', tom: '2025-03-16', activity: 'GRADERT_AKTIVITET' }],
      },
    });
    expect(soknad).toMatchObject({ method: 'SubmitSoknad', request: { korrigertArbeidstid: [{ fom: '2025-03-10', tom: '2025-03-16', activity: intakeDocumentsV1.SoknadActivity.SOKNAD_ACTIVITY_GRADERT_AKTIVITET }] } });
    const arbeidsforhold = toIntakeRequest({
      kind: 'arbeidsforhold',
      at: '2020-01-01T06:00:00Z',
      submission: { ...source, personIdent: IDENT, orgnr: '800000004', hovedenhetOrgnr: '800000012', stillingsprosent: 60, fom: '2020-01-01' },
    });
    expect(arbeidsforhold).toMatchObject({ method: 'SubmitArbeidsforhold', request: { stillingsprosent: 60, hovedenhetOrgnr: '800000012' } });
    const cancellation = toIntakeRequest({ kind: 'cancellation', at: '2025-03-04T09:00:00Z', submission: { ...source, kind: 'SICK_NOTE', reason: 'sent twice' } });
    expect(cancellation).toEqual({ service: 'DocumentService', method: 'CancelDocument', request: { ...source, kind: intakeDocumentsV1.DocumentKind.DOCUMENT_KIND_SICK_NOTE, reason: 'sent twice' } });
  });
});
