import { contributionsOf, ZERO_VARIGHET, type Contribution } from './dagsverk.calculator';
import { aggregate, AggregateAccumulator, applyDeltas, personDelta, personShares, sortRows, StatisticsLedger, sumDeltas, type AggregateRow } from './statistics.aggregator';
import { arbeidsforhold, dagsverk, full, HOVEDENHET_H, personFacts, registerOf, sickNote, tilfelle, UNIT_A, UNIT_B, UNIT_C, virksomhet } from './statistics.fixtures';
import type { Level } from './unit.classifier';

const WINDOW = { fromQuarter: '2024-Q1', toQuarter: '2024-Q2' };
const REGISTER = registerOf(
  virksomhet(UNIT_A, { naeringskode: '86.101', kommunenummer: '4601' }),
  virksomhet(UNIT_B, { naeringskode: '86.102', kommunenummer: '4601' }),
  virksomhet(HOVEDENHET_H, { hovedenhetOrgnr: null, naeringskode: '84.110', sektor: 'KOMMUNAL', kommunenummer: '4601' }),
);

const employedAt = (...orgnrs: string[]) =>
  contributionsOf(personFacts({ arbeidsforhold: orgnrs.map((orgnr) => arbeidsforhold(orgnr, '2024-01-01', '2024-03-31')) }), WINDOW);
const row = (rows: readonly AggregateRow[], level: Level, code: string, quarter = '2024-Q1') =>
  rows.find((candidate) => candidate.quarter === quarter && candidate.level === level && candidate.code === code);

describe('aggregating contributions (§9.1)', () => {
  it('adds up dagsverk and counts distinct persons on every level', () => {
    // One person at both A and B (same kommune, same hovedenhet), one at A only; 62 working days in 2024-Q1.
    const rows = aggregate([employedAt(UNIT_A, UNIT_B), employedAt(UNIT_A)], REGISTER);
    expect(row(rows, 'VIRKSOMHET', UNIT_A)).toMatchObject({ antallPersoner: 2, mulige: dagsverk('124') });
    expect(row(rows, 'VIRKSOMHET', UNIT_B)).toMatchObject({ antallPersoner: 1, mulige: dagsverk('62') });
    for (const [level, code] of [
      ['OVERORDNET_ENHET', HOVEDENHET_H],
      ['NAERING2', '86'],
      ['SEKTOR', 'KOMMUNAL'],
      ['KOMMUNE', '4601'],
      ['FYLKE', '46'],
      ['NAV_REGION', 'vestland'],
      ['LAND', 'NO'],
    ] as const) {
      expect(row(rows, level, code)).toMatchObject({ antallPersoner: 2, mulige: dagsverk('186') });
    }
    expect(row(rows, 'NAERINGSKODE', '86.101')).toMatchObject({ antallPersoner: 2 });
    expect(row(rows, 'BRANSJE', 'SYKEHUS')).toMatchObject({ antallPersoner: 2, mulige: dagsverk('186') });
  });

  it('counts a unit the register does not know under UKJENT, and on LAND', () => {
    const rows = aggregate([employedAt(UNIT_C)], REGISTER);
    expect(rows.filter((candidate) => candidate.level !== 'VIRKSOMHET' && candidate.level !== 'LAND').map((candidate) => `${candidate.level}:${candidate.code}`)).toEqual([
      'NAERING2:UKJENT',
      'NAERINGSKODE:UKJENT',
      'SEKTOR:UKJENT',
      'KOMMUNE:UKJENT',
      'FYLKE:UKJENT',
      'NAV_REGION:UKJENT',
    ]);
    expect(row(rows, 'LAND', 'NO')).toMatchObject({ antallPersoner: 1 });
  });

  it('has no row for a quarter without arbeidsforhold', () => {
    expect(aggregate([employedAt(UNIT_A)], REGISTER).some((candidate) => candidate.quarter === '2024-Q2')).toBe(false);
  });
});

describe('incremental maintenance', () => {
  const employment = [arbeidsforhold(UNIT_A, '2024-01-01')];
  // The original note covers Mon 18 – Wed 27 Mar (8 working days; 28–29 Mar are holidays). The correction moves it
  // to Tue 2 – Fri 12 Apr (9 working days; 1 Apr is Easter Monday): from 2024-Q1 into 2024-Q2.
  const original = sickNote([full('2024-03-18', '2024-03-27')]);
  const moved = sickNote([full('2024-04-02', '2024-04-12')], { version: 2 });
  const before = contributionsOf(personFacts({ arbeidsforhold: employment, sickNotes: [original], tilfeller: [tilfelle('2024-03-18', '2024-03-27')] }), WINDOW);
  const after = contributionsOf(
    personFacts({ arbeidsforhold: employment, sickNotes: [original, moved], tilfeller: [tilfelle('2024-04-02', '2024-04-12')] }),
    WINDOW,
  );

  it('moves a corrected sick note across the quarter boundary: only tapte change, persons stay', () => {
    const deltas = personDelta({ contributions: before, register: REGISTER }, { contributions: after, register: REGISTER });
    const land = deltas.filter((delta) => delta.level === 'LAND');
    expect(land.map(({ quarter, tapte, mulige, antallPersoner, tapteVarighet }) => ({ quarter, tapte, mulige, antallPersoner, B: tapteVarighet.B }))).toEqual([
      { quarter: '2024-Q1', tapte: -dagsverk('8'), mulige: 0n, antallPersoner: 0, B: -dagsverk('8') }, // a 10-day tilfelle: B
      { quarter: '2024-Q2', tapte: dagsverk('9'), mulige: 0n, antallPersoner: 0, B: dagsverk('9') }, // an 11-day tilfelle: B
    ]);
  });

  it('gives the same rows by replacing a person as by recomputing everything', () => {
    const ledger = new StatisticsLedger(REGISTER);
    ledger.replacePerson('p1', before);
    ledger.replacePerson('p2', employedAt(UNIT_B));
    ledger.replacePerson('p1', after);
    expect(ledger.rows()).toEqual(aggregate([after, employedAt(UNIT_B)], REGISTER));
    ledger.replacePerson('p2', []);
    expect(ledger.rows()).toEqual(aggregate([after], REGISTER));
    ledger.replacePerson('p1', []);
    expect(ledger.rows()).toEqual([]);
  });

  it('moves the persons of every affected unit when the register changes, a hovedenhet’s sektor included', () => {
    const ledger = new StatisticsLedger(REGISTER);
    ledger.replacePerson('p1', employedAt(UNIT_A));
    ledger.replacePerson('p2', employedAt(UNIT_C));
    const deltas = ledger.applyVirksomhet(virksomhet(HOVEDENHET_H, { hovedenhetOrgnr: null, naeringskode: '84.110', sektor: 'STATLIG', version: 2 }));
    expect(deltas.filter((delta) => delta.level === 'SEKTOR').map((delta) => [delta.code, delta.antallPersoner])).toEqual([
      ['KOMMUNAL', -1],
      ['STATLIG', 1],
    ]);
    ledger.applyVirksomhet(virksomhet(UNIT_C, { kommunenummer: '0301' }));
    const register = ledger.register;
    expect(ledger.rows()).toEqual(aggregate([employedAt(UNIT_A), employedAt(UNIT_C)], register));
    expect(row(ledger.rows(), 'KOMMUNE', '0301')).toMatchObject({ antallPersoner: 1 });
  });

  it('ignores a stale register event', () => {
    const ledger = new StatisticsLedger(REGISTER);
    ledger.replacePerson('p1', employedAt(UNIT_A));
    expect(ledger.applyVirksomhet(virksomhet(UNIT_A, { version: 1, kommunenummer: '0301' }))).toEqual([]);
  });

  it('refuses a delta that does not match the table', () => {
    const table = new Map<string, AggregateRow>();
    const contributions: Contribution[] = employedAt(UNIT_A);
    expect(() => applyDeltas(table, personDelta({ contributions, register: REGISTER }, { contributions: [], register: REGISTER }))).toThrow(/does not match/);
  });
});

describe('summing many persons’ deltas into one change per row', () => {
  it('adds changes to the same row and leaves out rows that net to nothing', () => {
    // p1 moves from A to B; p2 joins A with what p1 had there. A nets to nothing, as does A's næringskode.
    const moveToB = personDelta({ contributions: employedAt(UNIT_A), register: REGISTER }, { contributions: employedAt(UNIT_B), register: REGISTER });
    const joinA = personDelta({ contributions: [], register: REGISTER }, { contributions: employedAt(UNIT_A), register: REGISTER });
    const summed = sumDeltas([...moveToB, ...joinA]);
    expect(summed.map((delta) => [delta.level, delta.code, delta.antallPersoner, delta.mulige])).toEqual([
      ['VIRKSOMHET', UNIT_B, 1, dagsverk('62')],
      ['OVERORDNET_ENHET', HOVEDENHET_H, 1, dagsverk('62')],
      ['NAERING2', '86', 1, dagsverk('62')],
      ['NAERINGSKODE', '86.102', 1, dagsverk('62')],
      ['BRANSJE', 'SYKEHUS', 1, dagsverk('62')],
      ['SEKTOR', 'KOMMUNAL', 1, dagsverk('62')],
      ['KOMMUNE', '4601', 1, dagsverk('62')],
      ['FYLKE', '46', 1, dagsverk('62')],
      ['NAV_REGION', 'vestland', 1, dagsverk('62')],
      ['LAND', 'NO', 1, dagsverk('62')],
    ]);
  });
});

describe('the full recomputation’s accumulator', () => {
  it('gives exactly the rows of adding every person’s shares to an empty table', () => {
    const persons = [employedAt(UNIT_A, UNIT_B), employedAt(UNIT_A), employedAt(UNIT_C), []];
    const table = new Map<string, AggregateRow>();
    for (const contributions of persons) applyDeltas(table, personShares(contributions, REGISTER));
    const accumulator = new AggregateAccumulator(REGISTER);
    persons.forEach((contributions) => accumulator.addPerson(contributions));
    expect(accumulator.rows()).toEqual(sortRows([...table.values()]));
    expect(row(accumulator.rows(), 'LAND', 'NO')).toMatchObject({ antallPersoner: 3 }); // the person at A and B counts once
  });

  it('stays exact past 2^53 micro-dagsverk, where plain numbers would round', () => {
    // 2^51 + 1 each: five persons give 5·2^51 + 5, above 2^53, whose last bit a double cannot hold.
    const big = 2n ** 51n + 1n;
    const person: Contribution = { quarter: '2024-Q1', orgnr: UNIT_A, mulige: big, tapte: big, tapteGradert: 0n, tapteVarighet: { ...ZERO_VARIGHET, A: big } };
    const accumulator = new AggregateAccumulator(REGISTER);
    for (let n = 0; n < 5; n++) accumulator.addPerson([person]);
    expect(row(accumulator.rows(), 'LAND', 'NO')).toMatchObject({ antallPersoner: 5, mulige: 5n * big, tapte: 5n * big, tapteVarighet: { ...ZERO_VARIGHET, A: 5n * big } });
    expect(BigInt(5 * Number(big))).not.toBe(5n * big); // what summing in doubles alone would give
  });
});
