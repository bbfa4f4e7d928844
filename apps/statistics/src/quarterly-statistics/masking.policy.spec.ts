import fc from 'fast-check';
import { ZERO_VARIGHET, type Contribution } from './dagsverk.calculator';
import { maskQuarter, primaryMaskOf, SUPPRESSION_HIERARCHIES, type MaskedAggregateRow } from './masking.policy';
import { aggregate, aggregateKeyOf } from './statistics.aggregator';
import { dagsverk, HOVEDENHET_H, HOVEDENHET_J, registerOf, UNIT_A, UNIT_B, virksomhet } from './statistics.fixtures';
import { classifyUnit, type VirksomhetRegister } from './unit.classifier';

const QUARTER = '2024-Q1';

const contribution = (orgnr: string, mulige = '62'): Contribution => ({
  quarter: QUARTER,
  orgnr,
  mulige: dagsverk(mulige),
  tapte: dagsverk('3'),
  tapteGradert: 0n,
  tapteVarighet: { ...ZERO_VARIGHET, A: dagsverk('3') },
});
/** `count` persons, each with one contribution at `orgnr`. */
const people = (orgnr: string, count: number, mulige?: string): Contribution[][] => Array.from({ length: count }, () => [contribution(orgnr, mulige)]);

const masked = (persons: readonly (readonly Contribution[])[], register: VirksomhetRegister) => maskQuarter(aggregate(persons, register), register);
const reasonOf = (rows: readonly MaskedAggregateRow[], level: MaskedAggregateRow['level'], code: string) =>
  rows.find((row) => row.level === level && row.code === code)?.maskReason;
const hidden = (rows: readonly MaskedAggregateRow[]) =>
  rows
    .filter((row) => row.maskReason !== null)
    .map((row) => `${row.level}:${row.code}:${row.maskReason === 'FEWER_THAN_FIVE_PERSONS' ? 'primary' : 'secondary'}`)
    .sort();

/**
 * The guarantee, checked independently of the algorithm: no shown row under five persons, and in every
 * parent = Σ children group the hidden children are never revealed on their own or as a small sum.
 */
function expectSafe(rows: readonly MaskedAggregateRow[], register: VirksomhetRegister): void {
  const byKey = new Map(rows.map((row) => [aggregateKeyOf(row), row]));
  for (const row of rows) {
    expect(row.maskReason !== null || row.antallPersoner >= 5).toBe(true);
    if (row.antallPersoner < 5) expect(row.maskReason).toBe('FEWER_THAN_FIVE_PERSONS');
  }
  SUPPRESSION_HIERARCHIES.forEach((hierarchy) => {
    const groups = new Map<string, Set<MaskedAggregateRow>>();
    for (const unit of rows.filter((row) => row.level === 'VIRKSOMHET')) {
      const codes = classifyUnit(unit.code, register);
      const childLevel = hierarchy.child.find((level) => codes[level] !== null);
      if (codes[hierarchy.parent] === null || childLevel === undefined) continue;
      const parentKey = aggregateKeyOf({ quarter: unit.quarter, level: hierarchy.parent, code: codes[hierarchy.parent]! });
      const child = byKey.get(aggregateKeyOf({ quarter: unit.quarter, level: childLevel, code: codes[childLevel]! }))!;
      groups.set(parentKey, (groups.get(parentKey) ?? new Set()).add(child));
    }
    for (const [parentKey, children] of groups) {
      const parent = byKey.get(parentKey)!;
      const hiddenChildren = [...children].filter((child) => child.maskReason !== null);
      if (parent.maskReason !== null) {
        expect(hiddenChildren.length).toBeGreaterThan(0);
      } else if (hiddenChildren.length > 0) {
        expect(hiddenChildren.length).toBeGreaterThanOrEqual(2);
        expect(hiddenChildren.length === children.size || hiddenChildren.some((child) => child.antallPersoner >= 5)).toBe(true);
      }
    }
  });
}

describe('primary masking (§9.1)', () => {
  it('shows a figure resting on exactly five persons and masks one on four', () => {
    expect(primaryMaskOf(5)).toBeNull();
    expect(primaryMaskOf(4)).toBe('FEWER_THAN_FIVE_PERSONS');
    const register = registerOf(virksomhet(UNIT_A));
    expect(masked(people(UNIT_A, 5), register).every((row) => row.maskReason === null)).toBe(true);
    expect(masked(people(UNIT_A, 4), register).every((row) => row.maskReason === 'FEWER_THAN_FIVE_PERSONS')).toBe(true);
  });
});

describe('difference disclosure', () => {
  it('masks the other underenhet when a hovedenhet with two has one masked', () => {
    // H = A + B: with H (13) and B (10) shown, A (3) would be H − B.
    const register = registerOf(virksomhet(UNIT_A), virksomhet(UNIT_B));
    const rows = masked([...people(UNIT_A, 3), ...people(UNIT_B, 10)], register);
    expect(hidden(rows)).toEqual([`VIRKSOMHET:${UNIT_A}:primary`, `VIRKSOMHET:${UNIT_B}:secondary`]);
    expect(reasonOf(rows, 'OVERORDNET_ENHET', HOVEDENHET_H)).toBeNull();
    expectSafe(rows, register);
  });

  it('masks the other kommune when a fylke with two kommuner has one masked', () => {
    // Fylke 46 = Bergen (3 persons) + Kinn (10): Kinn, and the one unit it consists of, are masked too.
    const [bergen, kinn] = ['910000063', '910000071'];
    const register = registerOf(
      virksomhet(bergen, { hovedenhetOrgnr: null, naeringskode: '62.010', sektor: 'PRIVAT', kommunenummer: '4601' }),
      virksomhet(kinn, { hovedenhetOrgnr: null, naeringskode: '62.010', sektor: 'PRIVAT', kommunenummer: '4602' }),
    );
    const rows = masked([...people(bergen, 3), ...people(kinn, 10)], register);
    expect(hidden(rows)).toEqual([
      'KOMMUNE:4601:primary',
      'KOMMUNE:4602:secondary',
      `OVERORDNET_ENHET:${bergen}:primary`,
      `OVERORDNET_ENHET:${kinn}:secondary`,
      `VIRKSOMHET:${bergen}:primary`,
      `VIRKSOMHET:${kinn}:secondary`,
    ]);
    expect([reasonOf(rows, 'FYLKE', '46'), reasonOf(rows, 'NAV_REGION', 'vestland'), reasonOf(rows, 'LAND', 'NO')]).toEqual([null, null, null]);
    expectSafe(rows, register);
  });

  it('masks a child of a secondarily masked kommune, so the kommune cannot be summed from its units', () => {
    // Fylke 46: Bergen V1 (3 persons), Kinn W1 + W2 (5 + 5), Etne X1 + X2 + X3 (5 + 6 + 6, half-time, so X1 is the
    // smallest unit). Kinn (10) is the smallest kommune beside Bergen and is masked; W1 + W2 would give it back,
    // so W1 is masked as well. In Etne, masking X1 alone would let X1 = Etne − X2 − X3, so X2 follows.
    const [v1, w1, w2, x1, x2, x3] = ['910000063', '910000071', '910000098', '910000101', '910000128', '910000136'];
    const unit = (orgnr: string, kommunenummer: string) =>
      virksomhet(orgnr, { hovedenhetOrgnr: null, naeringskode: '62.010', sektor: 'PRIVAT', kommunenummer });
    const register = registerOf(unit(v1, '4601'), unit(w1, '4602'), unit(w2, '4602'), unit(x1, '4611'), unit(x2, '4611'), unit(x3, '4611'));
    const rows = masked(
      [...people(v1, 3), ...people(w1, 5), ...people(w2, 5), ...people(x1, 5, '31'), ...people(x2, 6, '31'), ...people(x3, 6, '31')],
      register,
    );
    expect(hidden(rows)).toEqual(
      [
        'KOMMUNE:4601:primary',
        'KOMMUNE:4602:secondary',
        `OVERORDNET_ENHET:${v1}:primary`,
        `OVERORDNET_ENHET:${w1}:secondary`,
        `OVERORDNET_ENHET:${x1}:secondary`,
        `OVERORDNET_ENHET:${x2}:secondary`,
        `VIRKSOMHET:${v1}:primary`,
        `VIRKSOMHET:${w1}:secondary`,
        `VIRKSOMHET:${x1}:secondary`,
        `VIRKSOMHET:${x2}:secondary`,
      ].sort(),
    );
    expect(reasonOf(rows, 'KOMMUNE', '4611')).toBeNull();
    expectSafe(rows, register);
  });

  it('masks næring minus bransje: a lone næringskode beside a shown bransje', () => {
    // Næring 87 = SYKEHJEM (87.101, 12 persons) + 87.301 (3 persons): 87 − SYKEHJEM would give 87.301.
    const register = registerOf(virksomhet(UNIT_A, { naeringskode: '87.101' }), virksomhet(UNIT_B, { naeringskode: '87.301', hovedenhetOrgnr: HOVEDENHET_J }));
    const rows = masked([...people(UNIT_A, 12), ...people(UNIT_B, 3)], register);
    expect(reasonOf(rows, 'NAERINGSKODE', '87.301')).toBe('FEWER_THAN_FIVE_PERSONS');
    expect(reasonOf(rows, 'BRANSJE', 'SYKEHJEM')).toBe('DIFFERENCE_DISCLOSURE');
    expect(reasonOf(rows, 'NAERING2', '87')).toBeNull();
    expectSafe(rows, register);
  });

  it('takes one quarter’s rows only', () => {
    const rows = aggregate([[contribution(UNIT_A), { ...contribution(UNIT_A), quarter: '2024-Q2' }]], registerOf(virksomhet(UNIT_A)));
    expect(() => maskQuarter(rows, registerOf(virksomhet(UNIT_A)))).toThrow(RangeError);
  });
});

describe('masking any population', () => {
  const UNITS = ['910000063', '910000071', '910000098', '910000101', '910000128', '910000136'];
  const unitFact = fc.record({
    hovedenhetOrgnr: fc.constantFrom(HOVEDENHET_H, HOVEDENHET_J, null),
    naeringskode: fc.constantFrom('87.101', '87.102', '87.301', '62.010'),
    sektor: fc.constantFrom('KOMMUNAL' as const, 'PRIVAT' as const),
    kommunenummer: fc.constantFrom('4601', '4602', '3301', '3203'),
    registered: fc.constantFrom(true, true, true, false),
  });
  const population = fc.record({
    units: fc.tuple(...UNITS.map(() => unitFact)),
    persons: fc.array(fc.tuple(fc.constantFrom(...UNITS), fc.option(fc.constantFrom(...UNITS), { freq: 4 })), { minLength: 1, maxLength: 60 }),
  });

  it('leaves no figure under five persons derivable, whatever the input order', () => {
    fc.assert(
      fc.property(population, fc.boolean(), ({ units, persons }, reverse) => {
        const register = registerOf(
          ...UNITS.flatMap((orgnr, index) => {
            const { registered, ...fact } = units[index]!;
            return registered ? [virksomhet(orgnr, fact)] : [];
          }),
        );
        const contributions = persons.map(([first, second]) => [...new Set([first, second ?? first])].map((orgnr) => contribution(orgnr)));
        const rows = aggregate(contributions, register);
        const result = maskQuarter(rows, register);
        expectSafe(result, register);
        if (reverse) expect(maskQuarter([...rows].reverse(), register)).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });
});
