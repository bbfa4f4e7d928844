import { contributionsOf, formatDagsverk, liveSickNotes, parseDagsverk, stillingsandel, ZERO_VARIGHET, type Contribution, type PersonFacts } from './dagsverk.calculator';
import { arbeidsforhold, dagsverk, full, graded, personFacts, sickNote, tilfelle, UNIT_A, UNIT_B } from './statistics.fixtures';

const WINDOW = { fromQuarter: '2024-Q1', toQuarter: '2024-Q4' };

const compute = (facts: PersonFacts) => contributionsOf(facts, WINDOW);
const of = (contributions: readonly Contribution[], quarter: string, orgnr = UNIT_A) =>
  contributions.find((contribution) => contribution.quarter === quarter && contribution.orgnr === orgnr);

describe('mulige dagsverk (§9.1)', () => {
  it('counts every working day of a full-time arbeidsforhold: 2024-Q1 has 62', () => {
    const [q1] = compute(personFacts({ arbeidsforhold: [arbeidsforhold(UNIT_A, '2024-01-01', '2024-03-31')] }));
    expect(q1).toEqual({ quarter: '2024-Q1', orgnr: UNIT_A, mulige: dagsverk('62'), tapte: 0n, tapteGradert: 0n, tapteVarighet: ZERO_VARIGHET });
  });

  it('weighs by stillingsprosent: 37.5 % of 62 days = 23.25 dagsverk', () => {
    const [q1] = compute(personFacts({ arbeidsforhold: [arbeidsforhold(UNIT_A, '2024-01-01', '2024-03-31', { stillingsprosent: 37.5 })] }));
    expect(q1!.mulige).toBe(dagsverk('23.25'));
  });

  it('counts only the days inside the arbeidsforhold: January 2024 has 22 (23 weekdays minus 1 January)', () => {
    const [q1] = compute(personFacts({ arbeidsforhold: [arbeidsforhold(UNIT_A, '2024-01-01', '2024-01-31')] }));
    expect(q1!.mulige).toBe(dagsverk('22'));
  });

  it('gives no contribution, and so no row, to a quarter without an agreed working day', () => {
    // 25–26 December are holidays: the arbeidsforhold has zero possible dagsverk in 2024-Q4.
    expect(compute(personFacts({ arbeidsforhold: [arbeidsforhold(UNIT_A, '2024-12-25', '2024-12-26')] }))).toEqual([]);
    expect(compute(personFacts({ arbeidsforhold: [arbeidsforhold(UNIT_A, '2024-01-01', null, { cancelled: true })] }))).toEqual([]);
  });

  it('splits an open-ended arbeidsforhold by quarter and stops at the window', () => {
    const contributions = compute(personFacts({ arbeidsforhold: [arbeidsforhold(UNIT_A, '2019-05-01')] }));
    expect(contributions.map((contribution) => [contribution.quarter, formatDagsverk(contribution.mulige)])).toEqual([
      ['2024-Q1', '62'],
      ['2024-Q2', '60'],
      ['2024-Q3', '66'],
      ['2024-Q4', '64'],
    ]);
  });

  it('adds up two arbeidsforhold at the same underenhet (50 % + 30 % = 80 % of 66 days = 52.8)', () => {
    const contributions = compute(
      personFacts({
        arbeidsforhold: [
          arbeidsforhold(UNIT_A, '2024-07-01', '2024-09-30', { arbeidsforholdId: 'x', stillingsprosent: 50 }),
          arbeidsforhold(UNIT_A, '2024-07-01', '2024-09-30', { arbeidsforholdId: 'y', stillingsprosent: 30 }),
        ],
      }),
    );
    expect(contributions).toHaveLength(1);
    expect(contributions[0]!.mulige).toBe(dagsverk('52.8'));
  });
});

describe('tapte dagsverk (§9.1)', () => {
  const employed = [arbeidsforhold(UNIT_A, '2024-01-01')];

  it('counts sick working days on each side of a quarter boundary', () => {
    // 25 Mar – 5 Apr 2024: Q1 has Mon 25, Tue 26, Wed 27 (28–29 Mar are holidays); Q2 has Tue 2 – Fri 5 Apr
    // (1 Apr is Easter Monday). The tilfelle is 12 days long: varighet B.
    const contributions = compute(
      personFacts({ arbeidsforhold: employed, sickNotes: [sickNote([full('2024-03-25', '2024-04-05')])], tilfeller: [tilfelle('2024-03-25', '2024-04-05')] }),
    );
    expect(of(contributions, '2024-Q1')).toMatchObject({ tapte: dagsverk('3'), tapteGradert: 0n, tapteVarighet: { ...ZERO_VARIGHET, B: dagsverk('3') } });
    expect(of(contributions, '2024-Q2')).toMatchObject({ tapte: dagsverk('4'), tapteVarighet: { ...ZERO_VARIGHET, B: dagsverk('4') } });
  });

  it('weighs graded days by grade and stillingsprosent: 5 days × 80 % × 40 % = 1.6 dagsverk, all graded', () => {
    const contributions = compute(
      personFacts({
        arbeidsforhold: [arbeidsforhold(UNIT_A, '2024-07-01', '2024-09-30', { stillingsprosent: 80 })],
        sickNotes: [sickNote([graded('2024-09-02', '2024-09-06', 40)])],
      }),
    );
    expect(of(contributions, '2024-Q3')).toMatchObject({ mulige: dagsverk('52.8'), tapte: dagsverk('1.6'), tapteGradert: dagsverk('1.6') });
  });

  it.each(['AVVENTENDE', 'BEHANDLINGSDAGER', 'REISETILSKUDD'] as const)('does not count %s periods (no lost working day is certified)', (type) => {
    const contributions = compute(personFacts({ arbeidsforhold: employed, sickNotes: [sickNote([{ fom: '2024-09-02', tom: '2024-09-06', type }])] }));
    expect(of(contributions, '2024-Q3')!.tapte).toBe(0n);
  });

  it('counts a note only in its latest version, and not at all when that is cancelled or AVBRUTT', () => {
    const v1 = sickNote([full('2024-09-02', '2024-09-06')]);
    const v2 = sickNote([full('2024-09-02', '2024-09-03')], { version: 2 });
    const tapteQ3 = (...notes: ReturnType<typeof sickNote>[]) => of(compute(personFacts({ arbeidsforhold: employed, sickNotes: notes })), '2024-Q3')!.tapte;
    expect(tapteQ3(v1)).toBe(dagsverk('5'));
    expect(tapteQ3(v2, v1)).toBe(dagsverk('2'));
    expect(tapteQ3(v1, v2, sickNote([full('2024-09-02', '2024-09-03')], { version: 3, cancelled: true }))).toBe(0n);
    expect(tapteQ3(v1, sickNote([full('2024-09-02', '2024-09-06')], { version: 2, status: 'AVBRUTT' }))).toBe(0n);
  });

  it('counts a note without orgnr at every arbeidsforhold active that day', () => {
    const contributions = compute(
      personFacts({
        arbeidsforhold: [arbeidsforhold(UNIT_A, '2024-01-01'), arbeidsforhold(UNIT_B, '2024-01-01', null, { stillingsprosent: 20 })],
        sickNotes: [sickNote([full('2024-09-02', '2024-09-06')], { orgnr: null, status: 'BEKREFTET' })],
      }),
    );
    expect(of(contributions, '2024-Q3', UNIT_A)!.tapte).toBe(dagsverk('5'));
    expect(of(contributions, '2024-Q3', UNIT_B)!.tapte).toBe(dagsverk('1')); // 5 days × 20 %
  });

  it('does not count a note at an employer the person has no arbeidsforhold with, nor move it elsewhere', () => {
    const contributions = compute(personFacts({ arbeidsforhold: employed, sickNotes: [sickNote([full('2024-09-02', '2024-09-06')], { orgnr: UNIT_B })] }));
    expect(contributions.every((contribution) => contribution.tapte === 0n)).toBe(true);
  });

  it('counts overlapping periods at one employer once, at the highest grade', () => {
    const contributions = compute(
      personFacts({
        arbeidsforhold: employed,
        sickNotes: [
          sickNote([full('2024-09-02', '2024-09-04')], { sickNoteId: 'a' }),
          sickNote([graded('2024-09-03', '2024-09-06', 50)], { sickNoteId: 'b' }),
        ],
      }),
    );
    // Mon–Wed at 100 %, Thu–Fri at 50 %: 3 + 1 = 4 dagsverk, of which 1 graded.
    expect(of(contributions, '2024-Q3')).toMatchObject({ tapte: dagsverk('4'), tapteGradert: dagsverk('1') });
  });

  it('counts only sick days inside the arbeidsforhold', () => {
    const contributions = compute(
      personFacts({ arbeidsforhold: [arbeidsforhold(UNIT_A, '2024-09-04', '2024-09-30')], sickNotes: [sickNote([full('2024-09-02', '2024-09-06')])] }),
    );
    expect(of(contributions, '2024-Q3')!.tapte).toBe(dagsverk('3')); // Wed 4 – Fri 6
  });

  it('classifies varighet by the whole tilfelle, falling back to the run of sick-note days outside every tilfelle', () => {
    const note = sickNote([full('2024-09-02', '2024-09-06')]);
    const inLongTilfelle = compute(personFacts({ arbeidsforhold: employed, sickNotes: [note], tilfeller: [tilfelle('2024-07-01', '2024-10-08')] }));
    // 1 Jul – 8 Oct is 100 days: class D (57–140 days).
    expect(of(inLongTilfelle, '2024-Q3')!.tapteVarighet).toEqual({ ...ZERO_VARIGHET, D: dagsverk('5') });
    const withoutTilfelle = compute(personFacts({ arbeidsforhold: employed, sickNotes: [note] }));
    expect(of(withoutTilfelle, '2024-Q3')!.tapteVarighet).toEqual({ ...ZERO_VARIGHET, A: dagsverk('5') }); // a 5-day run
  });

  it('does not depend on the order of the facts', () => {
    const facts = personFacts({
      arbeidsforhold: [arbeidsforhold(UNIT_A, '2024-01-01'), arbeidsforhold(UNIT_B, '2024-03-01', '2024-08-31', { stillingsprosent: 40 })],
      sickNotes: [sickNote([full('2024-03-20', '2024-04-10')], { sickNoteId: 'a', orgnr: null }), sickNote([graded('2024-06-03', '2024-06-28', 60)], { sickNoteId: 'b' })],
      tilfeller: [tilfelle('2024-03-20', '2024-04-10'), tilfelle('2024-06-03', '2024-06-28')],
    });
    const reversed = personFacts({ arbeidsforhold: [...facts.arbeidsforhold].reverse(), sickNotes: [...facts.sickNotes].reverse(), tilfeller: [...facts.tilfeller].reverse() });
    expect(compute(reversed)).toEqual(compute(facts));
  });
});

describe('units', () => {
  it('takes stillingsprosent in hundredths of a percent', () => {
    expect(stillingsandel(100)).toBe(10_000);
    expect(stillingsandel(37.5)).toBe(3750);
    expect(stillingsandel(0.29)).toBe(29); // 0.29 × 100 is 28.999… in binary floating point
    expect(() => stillingsandel(0)).toThrow(RangeError);
    expect(() => stillingsandel(100.01)).toThrow(RangeError);
  });

  it('writes and reads dagsverk as exact text', () => {
    expect(formatDagsverk(123_400_000n)).toBe('123.4');
    expect(formatDagsverk(62_000_000n)).toBe('62');
    expect(formatDagsverk(1n)).toBe('0.000001');
    expect(formatDagsverk(0n)).toBe('0');
    expect(parseDagsverk('23.25')).toBe(23_250_000n);
    expect(() => parseDagsverk('1.0000001')).toThrow(RangeError);
  });

  it('keeps the highest version of each note, dropping cancelled and AVBRUTT ones', () => {
    const notes = [
      sickNote([full('2024-01-01', '2024-01-02')], { sickNoteId: 'a', version: 2 }),
      sickNote([full('2024-01-01', '2024-01-05')], { sickNoteId: 'a', version: 1 }),
      sickNote([full('2024-01-01', '2024-01-05')], { sickNoteId: 'b', cancelled: true }),
    ];
    expect(liveSickNotes(notes).map((note) => [note.sickNoteId, note.version])).toEqual([['a', 2]]);
    // case-intake withdraws a note at its current version: the withdrawal wins in either order.
    const live = sickNote([full('2024-01-01', '2024-01-02')], { sickNoteId: 'c', version: 2 });
    expect(liveSickNotes([live, { ...live, cancelled: true }])).toEqual([]);
    expect(liveSickNotes([{ ...live, cancelled: true }, live])).toEqual([]);
  });
});
