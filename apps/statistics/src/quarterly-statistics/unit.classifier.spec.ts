import { HOVEDENHET_H, registerOf, UNIT_A, UNIT_B, virksomhet } from './statistics.fixtures';
import { applyVirksomhet, classifyUnit, comparisonCodesOf, unitsAffectedBy } from './unit.classifier';

describe('classifying an underenhet', () => {
  const register = registerOf(
    virksomhet(UNIT_A, { naeringskode: '86.101', sektor: 'PRIVAT', kommunenummer: '3203' }),
    virksomhet(HOVEDENHET_H, { hovedenhetOrgnr: null, naeringskode: '84.110', sektor: 'KOMMUNAL', kommunenummer: '3203' }),
  );

  it('places it on every level from the register, sektor from its hovedenhet (§7.1)', () => {
    expect(classifyUnit(UNIT_A, register)).toEqual({
      VIRKSOMHET: UNIT_A,
      OVERORDNET_ENHET: HOVEDENHET_H,
      NAERING2: '86',
      NAERINGSKODE: '86.101',
      BRANSJE: 'SYKEHUS',
      SEKTOR: 'KOMMUNAL',
      KOMMUNE: '3203',
      FYLKE: '32',
      NAV_REGION: 'vest-viken',
      LAND: 'NO',
    });
  });

  it('takes the unit’s own sektor while its hovedenhet is not registered, and no bransje outside the programme', () => {
    const codes = classifyUnit(UNIT_A, registerOf(virksomhet(UNIT_A, { naeringskode: '62.010', sektor: 'PRIVAT' })));
    expect(codes.SEKTOR).toBe('PRIVAT');
    expect(codes.BRANSJE).toBeNull();
  });

  it('counts a hovedenhet as its own overordnet enhet', () => {
    expect(classifyUnit(HOVEDENHET_H, register).OVERORDNET_ENHET).toBe(HOVEDENHET_H);
  });

  it('puts an unregistered or withdrawn unit under UKJENT, with no overordnet enhet or bransje', () => {
    const unknown = {
      VIRKSOMHET: UNIT_B,
      OVERORDNET_ENHET: null,
      NAERING2: 'UKJENT',
      NAERINGSKODE: 'UKJENT',
      BRANSJE: null,
      SEKTOR: 'UKJENT',
      KOMMUNE: 'UKJENT',
      FYLKE: 'UKJENT',
      NAV_REGION: 'UKJENT',
      LAND: 'NO',
    };
    expect(classifyUnit(UNIT_B, register)).toEqual(unknown);
    expect(classifyUnit(UNIT_B, registerOf(virksomhet(UNIT_B, { cancelled: true })))).toEqual(unknown);
  });

  it('keeps a kommune outside the 2024 counties but gives it no fylke or region', () => {
    const codes = classifyUnit(UNIT_A, registerOf(virksomhet(UNIT_A, { kommunenummer: '3001' })));
    expect([codes.KOMMUNE, codes.FYLKE, codes.NAV_REGION]).toEqual(['3001', 'UKJENT', 'UKJENT']);
  });
});

describe('the register', () => {
  it('takes a higher version and ignores an equal or lower one', () => {
    const v2 = applyVirksomhet(new Map(), virksomhet(UNIT_A, { version: 2, kommunenummer: '0301' }));
    expect(applyVirksomhet(v2, virksomhet(UNIT_A, { version: 1 }))).toBe(v2);
    expect(applyVirksomhet(v2, virksomhet(UNIT_A, { version: 2 }))).toBe(v2);
    expect(applyVirksomhet(v2, virksomhet(UNIT_A, { version: 3, cancelled: true })).get(UNIT_A)?.cancelled).toBe(true);
  });

  it('takes a withdrawal at the version it withdraws, and keeps it against a redelivery of that version', () => {
    const v2 = applyVirksomhet(new Map(), virksomhet(UNIT_A, { version: 2 }));
    const withdrawn = applyVirksomhet(v2, virksomhet(UNIT_A, { version: 2, cancelled: true }));
    expect(withdrawn.get(UNIT_A)?.cancelled).toBe(true);
    expect(applyVirksomhet(withdrawn, virksomhet(UNIT_A, { version: 2 }))).toBe(withdrawn);
  });

  it('knows which units a change reclassifies: the unit and the underenheter of a hovedenhet', () => {
    const register = registerOf(virksomhet(UNIT_A), virksomhet(UNIT_B), virksomhet(HOVEDENHET_H, { hovedenhetOrgnr: null }));
    expect(unitsAffectedBy(HOVEDENHET_H, register)).toEqual(new Set([HOVEDENHET_H, UNIT_A, UNIT_B]));
    expect(unitsAffectedBy(UNIT_A, register)).toEqual(new Set([UNIT_A]));
  });
});

describe('comparison figures (§9.1)', () => {
  it('compares with the bransje inside the programme, else with the næring', () => {
    expect(comparisonCodesOf(UNIT_A, registerOf(virksomhet(UNIT_A, { naeringskode: '88.911', sektor: 'PRIVAT' })))).toEqual([
      { level: 'LAND', code: 'NO' },
      { level: 'BRANSJE', code: 'BARNEHAGER' },
      { level: 'SEKTOR', code: 'PRIVAT' },
      { level: 'KOMMUNE', code: '4601' },
      { level: 'FYLKE', code: '46' },
      { level: 'NAV_REGION', code: 'vestland' },
    ]);
    expect(comparisonCodesOf(UNIT_A, registerOf(virksomhet(UNIT_A, { naeringskode: '62.010' })))[1]).toEqual({ level: 'NAERING2', code: '62' });
  });
});
