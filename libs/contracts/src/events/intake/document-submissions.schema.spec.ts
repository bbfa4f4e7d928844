import type { z } from 'zod';

import { toFieldViolations } from '../field-errors';
import { DocumentCancellationSchema, OppfolgingsplanSubmissionSchema, ScreeningAnswerSubmissionSchema, VirksomhetSubmissionSchema } from './document-submissions.schema';

function rulesOf(schema: z.ZodType, candidate: unknown): string[] {
  const result = schema.safeParse(candidate);
  return result.success ? [] : toFieldViolations(result.error).map((violation) => `${violation.field} ${violation.rule}`);
}

describe('OppfolgingsplanSubmissionSchema', () => {
  const plan = {
    sourceSystem: 'altinn',
    sourceId: 'plan-1',
    personIdent: '01019012480',
    orgnr: '889640782',
    createdOn: '2025-02-03',
    arbeidsoppgaverOgArbeidsevne: 'Can do desk work, not lifting.',
    tiltakArbeidsgiver: ['Adjusted hours', 'No night shifts'],
    tiltakMedBistand: ['Workplace assessment'],
    videreOppfolging: 'Meet again in four weeks.',
    evaluationDate: '2025-03-03',
    sharedWithNav: true,
    sharedWithSykmelder: false,
    approvedByEmployee: true,
  };
  const rules = (candidate: unknown) => rulesOf(OppfolgingsplanSubmissionSchema, candidate);

  it('accepts a complete plan, with or without an evaluation date', () => {
    expect(rules(plan)).toEqual([]);
    expect(rules({ ...plan, evaluationDate: undefined })).toEqual([]);
    expect(rules({ ...plan, evaluationDate: plan.createdOn })).toEqual([]);
  });

  it('accepts a plan that needs no help from NAV or the health services', () => {
    expect(rules({ ...plan, tiltakMedBistand: [] })).toEqual([]);
    expect(rules({ ...plan, tiltakMedBistand: undefined })).toEqual([]);
  });

  it.each(['arbeidsoppgaverOgArbeidsevne', 'tiltakArbeidsgiver', 'videreOppfolging'])('refuses a plan without %s, missing, empty or blank, naming the part', (part) => {
    const empty = Array.isArray(plan[part as keyof typeof plan]) ? [] : '';
    expect(rules({ ...plan, [part]: undefined })).toEqual([`${part} oppfolgingsplan.part_required`]);
    expect(rules({ ...plan, [part]: empty })).toEqual([`${part} oppfolgingsplan.part_required`]);
    if (!Array.isArray(empty)) expect(rules({ ...plan, [part]: ' \n ' })).toEqual([`${part} oppfolgingsplan.part_required`]);
  });

  it('names every missing part at once', () => {
    const { arbeidsoppgaverOgArbeidsevne: _a, tiltakArbeidsgiver: _b, tiltakMedBistand: _c, videreOppfolging: _d, ...bare } = plan;
    expect(rules(bare).sort()).toEqual([
      'arbeidsoppgaverOgArbeidsevne oppfolgingsplan.part_required',
      'tiltakArbeidsgiver oppfolgingsplan.part_required',
      'videreOppfolging oppfolgingsplan.part_required',
    ]);
  });

  it('bounds the free text and the measures', () => {
    expect(rules({ ...plan, videreOppfolging: 'x'.repeat(4000) })).toEqual([]);
    expect(rules({ ...plan, videreOppfolging: 'x'.repeat(4001) })).toEqual(['videreOppfolging too_big']);
    expect(rules({ ...plan, tiltakArbeidsgiver: ['x'.repeat(1001)] })).toEqual(['tiltakArbeidsgiver[0] too_big']);
    expect(rules({ ...plan, tiltakMedBistand: Array.from({ length: 20 }, (_, i) => `measure ${i}`) })).toEqual([]);
    expect(rules({ ...plan, tiltakMedBistand: Array.from({ length: 21 }, (_, i) => `measure ${i}`) })).toEqual(['tiltakMedBistand too_big']);
    expect(rules({ ...plan, tiltakArbeidsgiver: ['Adjusted hours', '  '] })).toEqual(['tiltakArbeidsgiver[1] oppfolgingsplan.measure_blank']);
  });

  it('refuses an evaluation before the plan was made', () => {
    expect(rules({ ...plan, evaluationDate: '2025-02-02' })).toEqual(['evaluationDate oppfolgingsplan.evaluation_order']);
  });

  it('needs the employer, the dates and every flag', () => {
    expect(rules({ ...plan, orgnr: undefined, createdOn: '03.02.2025', sharedWithNav: undefined, extra: 1 }).sort()).toEqual([
      '(root) unrecognized_keys',
      'createdOn invalid_format',
      'orgnr invalid_type',
      'sharedWithNav invalid_type',
    ]);
  });
});

describe('ScreeningAnswerSubmissionSchema', () => {
  const source = { sourceSystem: 'dialog', sourceId: 'answer-1', personIdent: '01019012480', answeredAt: '2025-03-03T09:15:00+01:00' };
  const vestViken = { ...source, questionnaire: 'VV_MS_8W', q1: '1:1', q2: '2:1', q3: '3:3', q3UnsureReason: 'TREATMENT_OUTCOME', optOut: false };
  const rules = (candidate: unknown) => rulesOf(ScreeningAnswerSubmissionSchema, candidate);

  it('accepts a Vest-Viken answer, also with questions left unanswered', () => {
    expect(rules(vestViken)).toEqual([]);
    expect(rules({ ...source, questionnaire: 'VV_MS_8W', optOut: true })).toEqual([]);
    expect(rules({ ...vestViken, q1: '1:3', q2: '2:3', q3: '3:2', q3UnsureReason: undefined })).toEqual([]);
  });

  it('allows a reason for being unsure only with the unsure duration', () => {
    expect(rules({ ...vestViken, q3: '3:1' })).toEqual(['q3UnsureReason screening.unsure_reason_forbidden']);
    expect(rules({ ...vestViken, q3: undefined })).toEqual(['q3UnsureReason screening.unsure_reason_forbidden']);
    expect(rules({ ...vestViken, q3UnsureReason: 'OTHER' })).toEqual([]);
  });

  it('takes only the codes of each question', () => {
    expect(rules({ ...vestViken, q1: '2:1', q2: '2:4', q3: 'unsure', q3UnsureReason: 'PAIN' }).sort()).toEqual(['q1 invalid_value', 'q2 invalid_value', 'q3 invalid_value', 'q3UnsureReason invalid_value']);
  });

  it('takes a Sunnfjord score from 1 to 5, and no Vest-Viken answers with it', () => {
    const sunnfjord = { ...source, questionnaire: 'SF_SP2', score: 1 };
    expect(rules(sunnfjord)).toEqual([]);
    expect(rules({ ...sunnfjord, score: 5 })).toEqual([]);
    expect(rules({ ...sunnfjord, score: 0 })).toEqual(['score too_small']);
    expect(rules({ ...sunnfjord, score: 6 })).toEqual(['score too_big']);
    expect(rules({ ...sunnfjord, score: 2.5 })).toEqual(['score invalid_type']);
    expect(rules({ ...sunnfjord, q1: '1:1' })).toEqual(['(root) unrecognized_keys']);
  });

  it('has no free text', () => {
    expect(rules({ ...vestViken, comment: 'I feel better' })).toEqual(['(root) unrecognized_keys']);
  });

  it('needs a known questionnaire and a time with offset', () => {
    expect(rules({ ...source, questionnaire: undefined })).toEqual(['questionnaire invalid_union']);
    expect(rules({ ...source, questionnaire: 'XX' })).toEqual(['questionnaire invalid_union']);
    expect(rules({ ...vestViken, answeredAt: '2025-03-03T09:15:00' })).toEqual(['answeredAt invalid_format']);
  });
});

describe('VirksomhetSubmissionSchema (handbook §7.1)', () => {
  const underenhet = {
    sourceSystem: 'enhetsregisteret',
    sourceId: 'enhet-889640782',
    orgnr: '889640782',
    hovedenhetOrgnr: '974760673',
    naeringskode: '86.101',
    sektor: 'KOMMUNAL',
    kommunenummer: '0301',
    sentAt: '2025-03-03T09:15:00+01:00',
  };
  const rules = (candidate: unknown) => rulesOf(VirksomhetSubmissionSchema, candidate);

  it('accepts an underenhet, and a hovedenhet without one above it', () => {
    expect(rules(underenhet)).toEqual([]);
    expect(rules({ ...underenhet, orgnr: '974760673', hovedenhetOrgnr: undefined, sektor: 'STATLIG' })).toEqual([]);
    expect(rules({ ...underenhet, sentAt: undefined, sektor: 'PRIVAT' })).toEqual([]);
  });

  it('refuses an underenhet that is its own hovedenhet', () => {
    expect(rules({ ...underenhet, hovedenhetOrgnr: underenhet.orgnr })).toEqual(['hovedenhetOrgnr virksomhet.own_hovedenhet']);
  });

  it('checks both organisation numbers', () => {
    // 889640781: the mod-11 control digit of 88964078 is 2, not 1.
    expect(rules({ ...underenhet, orgnr: '889640781', hovedenhetOrgnr: '12345678' }).sort()).toEqual(['hovedenhetOrgnr orgnr.format', 'orgnr orgnr.control_digit']);
  });

  it('takes a five-digit NACE code as NN.NNN only', () => {
    expect(rules({ ...underenhet, naeringskode: '01.110' })).toEqual([]);
    for (const code of ['86101', '86.10', '86.1011', '8.6101', 'AB.CDE']) expect(rules({ ...underenhet, naeringskode: code })).toEqual(['naeringskode invalid_format']);
  });

  it('takes a four-digit kommunenummer only', () => {
    for (const kommune of ['301', '03011', '03a1']) expect(rules({ ...underenhet, kommunenummer: kommune })).toEqual(['kommunenummer invalid_format']);
  });

  it('takes only the three sectors', () => {
    expect(rules({ ...underenhet, sektor: 'FYLKESKOMMUNAL' })).toEqual(['sektor invalid_value']);
    expect(rules({ ...underenhet, sektor: undefined })).toEqual(['sektor invalid_value']);
  });

  it('is about no person, and carries no name', () => {
    expect(rules({ ...underenhet, personIdent: '01019012480' })).toEqual(['(root) unrecognized_keys']);
    expect(rules({ ...underenhet, navn: 'Ola Nordmann ENK' })).toEqual(['(root) unrecognized_keys']);
  });

  it('needs the source, the orgnr and a sent time with offset', () => {
    expect(rules({ ...underenhet, sourceSystem: '', sourceId: undefined, orgnr: undefined, sentAt: '2025-03-03T09:15:00' }).sort()).toEqual([
      'orgnr invalid_type',
      'sentAt invalid_format',
      'sourceId invalid_type',
      'sourceSystem too_small',
    ]);
  });

  it('can be cancelled like every other kind', () => {
    expect(rulesOf(DocumentCancellationSchema, { sourceSystem: 'enhetsregisteret', sourceId: 'enhet-889640782', kind: 'VIRKSOMHET', reason: 'registered in error' })).toEqual([]);
  });
});
