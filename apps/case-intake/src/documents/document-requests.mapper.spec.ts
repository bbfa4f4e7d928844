import { intakeDocumentsV1, intakeV1 } from '@syfo/contracts';
import { DomainError } from '@syfo/platform';

import { fromCancelDocument, fromSubmitOppfolgingsplan, fromSubmitScreeningAnswer, fromSubmitSickNote, fromSubmitSoknad, fromSubmitVirksomhet, parseScreeningAnswerRequest } from './document-requests.mapper';

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
      sentAt: undefined,
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

describe('follow-up fact mappers', () => {
  const plan: intakeDocumentsV1.SubmitOppfolgingsplanRequest = {
    sourceSystem: 's',
    sourceId: 'plan-1',
    personIdent: '01019012480',
    orgnr: '889640782',
    createdOn: '2025-02-03',
    arbeidsoppgaverOgArbeidsevne: 'tasks',
    tiltakArbeidsgiver: ['a'],
    tiltakMedBistand: [],
    videreOppfolging: 'later',
    evaluationDate: '',
    sharedWithNav: true,
    sharedWithSykmelder: false,
    approvedByEmployee: true,
  };

  it('passes a plan through, with an empty evaluation date as none', () => {
    expect(fromSubmitOppfolgingsplan(plan)).toEqual({ ...plan, evaluationDate: undefined });
    expect((fromSubmitOppfolgingsplan({ ...plan, evaluationDate: '2025-03-03' }) as { evaluationDate?: string }).evaluationDate).toBe('2025-03-03');
  });

  const source = { sourceSystem: 's', sourceId: 'answer-1', personIdent: '01019012480', answeredAt: '2025-03-03T09:15:00+01:00' };
  const vestViken: intakeDocumentsV1.VestVikenAnswers = {
    q1: intakeDocumentsV1.ReturnLikelihood.RETURN_LIKELIHOOD_UNLIKELY,
    q2: intakeDocumentsV1.EmployerRelation.EMPLOYER_RELATION_NEITHER,
    q3: intakeDocumentsV1.ExpectedDuration.EXPECTED_DURATION_UNSURE,
    q3UnsureReason: intakeDocumentsV1.DurationUnsureReason.DURATION_UNSURE_REASON_TREATMENT_OUTCOME,
    optOut: false,
  };

  it('turns the Vest-Viken answers into their codes, the set oneof member deciding the questionnaire', () => {
    expect(fromSubmitScreeningAnswer({ ...source, vestViken })).toEqual({ ...source, questionnaire: 'VV_MS_8W', q1: '1:3', q2: '2:3', q3: '3:3', q3UnsureReason: 'TREATMENT_OUTCOME', optOut: false });
    expect(
      fromSubmitScreeningAnswer({
        ...source,
        vestViken: {
          q1: intakeDocumentsV1.ReturnLikelihood.RETURN_LIKELIHOOD_VERY_LIKELY,
          q2: intakeDocumentsV1.EmployerRelation.EMPLOYER_RELATION_GOOD,
          q3: intakeDocumentsV1.ExpectedDuration.EXPECTED_DURATION_UNDER_26_WEEKS,
          q3UnsureReason: intakeDocumentsV1.DurationUnsureReason.DURATION_UNSURE_REASON_UNSPECIFIED,
          optOut: true,
        },
      }),
    ).toMatchObject({ q1: '1:1', q2: '2:1', q3: '3:1', q3UnsureReason: undefined, optOut: true });
    expect(fromSubmitScreeningAnswer({ ...source, sunnfjord: { score: 2 } })).toEqual({ ...source, questionnaire: 'SF_SP2', score: 2 });
    expect(fromSubmitScreeningAnswer(source)).toEqual(source);
  });

  it('leaves an unspecified answer unanswered, and lets an unknown one fail validation', () => {
    const unanswered = { ...vestViken, q1: intakeDocumentsV1.ReturnLikelihood.RETURN_LIKELIHOOD_UNSPECIFIED, q3: intakeDocumentsV1.ExpectedDuration.EXPECTED_DURATION_UNSPECIFIED, q3UnsureReason: intakeDocumentsV1.DurationUnsureReason.DURATION_UNSURE_REASON_UNSPECIFIED };
    expect(parseScreeningAnswerRequest({ ...source, vestViken: unanswered })).toEqual({ ...source, questionnaire: 'VV_MS_8W', q2: '2:3', optOut: false });
    const unknown = { ...vestViken, q2: intakeDocumentsV1.EmployerRelation.UNRECOGNIZED };
    expect(violationsOf(() => parseScreeningAnswerRequest({ ...source, vestViken: unknown }))).toEqual(['vestViken.q2 invalid_value']);
    const newer = { ...vestViken, q1: 7 as unknown as intakeDocumentsV1.ReturnLikelihood };
    expect(violationsOf(() => parseScreeningAnswerRequest({ ...source, vestViken: newer }))).toEqual(['vestViken.q1 invalid_value']);
  });

  it("names broken answers inside their questionnaire's message, as the caller sent them", () => {
    expect(violationsOf(() => parseScreeningAnswerRequest({ ...source, vestViken: { ...vestViken, q3: intakeDocumentsV1.ExpectedDuration.EXPECTED_DURATION_OVER_26_WEEKS } }))).toEqual([
      'vestViken.q3UnsureReason screening.unsure_reason_forbidden',
    ]);
    expect(violationsOf(() => parseScreeningAnswerRequest({ ...source, answeredAt: '', sunnfjord: { score: 0 } })).sort()).toEqual(['answeredAt invalid_format', 'sunnfjord.score too_small']);
    expect(violationsOf(() => parseScreeningAnswerRequest(source))).toEqual(['questionnaire invalid_union']);
  });
});

describe('employer register mappers', () => {
  const virksomhet: intakeDocumentsV1.SubmitVirksomhetRequest = {
    sourceSystem: 'enhetsregisteret',
    sourceId: 'enhet-889640782',
    orgnr: '889640782',
    hovedenhetOrgnr: '974760673',
    naeringskode: '86.101',
    sektor: intakeDocumentsV1.Sektor.SEKTOR_KOMMUNAL,
    kommunenummer: '0301',
  };

  it('turns the sector into its domain name', () => {
    expect(fromSubmitVirksomhet(virksomhet)).toEqual({ ...virksomhet, sektor: 'KOMMUNAL' });
    expect((fromSubmitVirksomhet({ ...virksomhet, sektor: intakeDocumentsV1.Sektor.SEKTOR_PRIVAT }) as { sektor: string }).sektor).toBe('PRIVAT');
  });

  it('reads an empty or missing hovedenhet as a hovedenhet, and an unspecified sector as missing', () => {
    expect((fromSubmitVirksomhet({ ...virksomhet, hovedenhetOrgnr: '' }) as { hovedenhetOrgnr?: string }).hovedenhetOrgnr).toBeUndefined();
    expect((fromSubmitVirksomhet({ ...virksomhet, hovedenhetOrgnr: undefined }) as { hovedenhetOrgnr?: string }).hovedenhetOrgnr).toBeUndefined();
    expect((fromSubmitVirksomhet({ ...virksomhet, sektor: intakeDocumentsV1.Sektor.SEKTOR_UNSPECIFIED }) as { sektor?: string }).sektor).toBeUndefined();
  });
});

function violationsOf(parse: () => unknown): string[] {
  try {
    parse();
  } catch (error) {
    if (error instanceof DomainError) return error.violations.map((violation) => `${violation.field} ${violation.rule}`);
    throw error;
  }
  throw new Error('expected a refusal');
}
