import { computeOppfolgingstilfeller } from '../oppfolgingstilfelle';
import { toArbeidsforhold, toBits, type LiveDocument } from './document-bits.mapper';

const PERSON = '01019012480';
const A = '889640782';
let sequence = 0;

function doc(kind: LiveDocument['kind'], body: Record<string, unknown>, orgnr: string | null = A, receivedAt = '2025-03-01T08:00:00Z'): LiveDocument {
  sequence += 1;
  return { id: `doc-${sequence}`, kind, sourceSystem: 'fs', sourceId: `src-${sequence}`, personIdent: kind === 'VIRKSOMHET' ? null : PERSON, orgnr, body, receivedAt: new Date(receivedAt), sentAt: null };
}

const sickNote = (status: string, periods: { fom: string; tom: string; type: string; grade?: number }[], extra: Record<string, unknown> = {}, orgnr: string | null = A) =>
  doc('SICK_NOTE', { status, periods, ...extra }, orgnr);
const soknad = (body: Record<string, unknown>) => doc('SOKNAD', { ferie: [], permisjon: [], egenmeldinger: [], behandlingsdager: [], korrigertArbeidstid: [], ...body });

const tilfeller = (documents: LiveDocument[]) =>
  computeOppfolgingstilfeller(documents.flatMap(toBits), { cutoff: '2022-05-21', arbeidsforhold: toArbeidsforhold(documents) }).map((t) => `${t.start}..${t.end} (${t.antallSykedager})`);

describe('document bits', () => {
  it('maps a sent note to sick-note period bits with the employer, and its egenmelding days', () => {
    const bits = toBits(sickNote('SENDT', [{ fom: '2025-01-09', tom: '2025-01-22', type: 'FULL' }], { egenmeldingsperioder: [{ fom: '2025-01-06', tom: '2025-01-08' }] }));
    expect(bits.map((bit) => [bit.tags.join('+'), bit.fom, bit.tom, bit.orgnr])).toEqual([
      ['SYKMELDING+SENDT+PERIODE+INGEN_AKTIVITET', '2025-01-09', '2025-01-22', A],
      ['SYKMELDING+SENDT+EGENMELDING', '2025-01-06', '2025-01-08', A],
    ]);
  });

  it('gives a cancelled (AVBRUTT) note no bits, and a confirmed note no employer', () => {
    expect(toBits(sickNote('AVBRUTT', [{ fom: '2025-01-06', tom: '2025-01-19', type: 'FULL' }]))).toEqual([]);
    const [confirmed] = toBits(sickNote('BEKREFTET', [{ fom: '2025-01-06', tom: '2025-01-19', type: 'GRADED', grade: 50 }], {}, null));
    expect(confirmed!.tags).toEqual(['SYKMELDING', 'BEKREFTET', 'PERIODE', 'GRADERT_AKTIVITET']);
    expect(confirmed!.orgnr).toBeUndefined();
  });

  it('reproduces handbook example 4: egenmelding joins the sick note (17 days)', () => {
    expect(tilfeller([sickNote('SENDT', [{ fom: '2025-01-09', tom: '2025-01-22', type: 'FULL' }], { egenmeldingsperioder: [{ fom: '2025-01-06', tom: '2025-01-08' }] })])).toEqual(['2025-01-06..2025-01-22 (17)']);
  });

  it('reproduces handbook examples 9a/9b: a søknad with return to work splits, its correction merges', () => {
    const notes = [sickNote('SENDT', [{ fom: '2025-01-06', tom: '2025-01-31', type: 'FULL' }]), sickNote('SENDT', [{ fom: '2025-02-10', tom: '2025-02-23', type: 'FULL' }])];
    const s1 = soknad({ fom: '2025-01-06', tom: '2025-01-31', arbeidGjenopptatt: '2025-01-13' });
    expect(tilfeller([...notes, s1])).toEqual(['2025-01-06..2025-01-12 (7)', '2025-02-10..2025-02-23 (14)']);
    const s2 = { ...soknad({ fom: '2025-01-06', tom: '2025-01-31', arbeidGjenopptatt: '2025-01-27', korrigerer: s1.sourceId }), receivedAt: new Date('2025-03-02T08:00:00Z') };
    expect(tilfeller([...notes, s1, s2])).toEqual(['2025-01-06..2025-02-23 (35)']);
  });

  it('counts holiday right after sickness as sick days (handbook example 5)', () => {
    const documents = [
      sickNote('SENDT', [{ fom: '2025-01-06', tom: '2025-01-26', type: 'FULL' }]),
      soknad({ fom: '2025-01-06', tom: '2025-01-26', ferie: [{ fom: '2025-01-20', tom: '2025-01-26' }] }),
      sickNote('SENDT', [{ fom: '2025-02-10', tom: '2025-02-16', type: 'FULL' }]),
    ];
    expect(tilfeller(documents)).toEqual(['2025-01-06..2025-02-16 (28)']);
  });

  it("makes the inntektsmelding's employer period count as sick days", () => {
    const documents = [doc('INNTEKTSMELDING', { arbeidsgiverperioder: [{ fom: '2025-01-06', tom: '2025-01-21' }] }), sickNote('SENDT', [{ fom: '2025-01-22', tom: '2025-02-04', type: 'FULL' }])];
    expect(tilfeller(documents)).toEqual(['2025-01-06..2025-02-04 (30)']);
  });

  it('gives a NY note the employer of the arbeidsforhold that covers it', () => {
    const documents = [
      doc('ARBEIDSFORHOLD', { hovedenhetOrgnr: '889640782', stillingsprosent: 100, fom: '2020-01-01' }),
      sickNote('NY', [{ fom: '2025-03-03', tom: '2025-03-16', type: 'FULL' }], {}, null),
    ];
    const [tilfelle] = computeOppfolgingstilfeller(documents.flatMap(toBits), { cutoff: '2022-05-21', arbeidsforhold: toArbeidsforhold(documents) });
    expect(tilfelle).toMatchObject({ start: '2025-03-03', end: '2025-03-16', arbeidstakerAtTilfelleEnd: true, virksomhetsnummerList: [A] });
  });

  it('gives follow-up facts no bits: a plan or a screening answer leaves the tilfeller as they are', () => {
    expect(toBits(doc('OPPFOLGINGSPLAN', { createdOn: '2025-02-03', tiltakMedBistand: ['x'] }))).toEqual([]);
    expect(toBits(doc('SCREENING_ANSWER', { questionnaire: 'SF_SP2', score: 2, answeredAt: '2025-03-03T09:15:00+01:00' }, null))).toEqual([]);
  });

  it('gives a virksomhet, which is about no person, no bits and no arbeidsforhold', () => {
    const virksomhet = doc('VIRKSOMHET', { hovedenhetOrgnr: '974760673', naeringskode: '86.101', sektor: 'KOMMUNAL', kommunenummer: '0301' });
    expect(toBits(virksomhet)).toEqual([]);
    expect(toArbeidsforhold([virksomhet])).toEqual([]);
  });
});
