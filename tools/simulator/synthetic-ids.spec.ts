import { birthDateOf, checkOrgnr, checkPersonIdent } from '@syfo/norwegian-ids';

import { genderOfIdent, isSimulatorOrgnr, isSimulatorPersonIdent, SIMULATOR_ORGNR_RANGE, SyntheticOrgnrs, SyntheticPersonIdents } from './synthetic-ids';

describe('SyntheticPersonIdents', () => {
  it('gives valid, synthetic idents in the month + 80 range that carry the birth date and gender', () => {
    const idents = new SyntheticPersonIdents();
    for (const [birthDate, gender] of [
      ['1985-01-15', 'F'],
      ['1985-12-31', 'M'],
      ['1954-02-28', 'M'],
      ['2000-02-29', 'F'],
      ['2007-06-01', 'M'],
    ] as const) {
      const ident = idents.next(birthDate, gender);
      expect(checkPersonIdent(ident)).toEqual({ ok: true, kind: 'FNR', synthetic: true });
      expect(Number(ident.slice(2, 4))).toBe(Number(birthDate.slice(5, 7)) + 80);
      expect(birthDateOf(ident)).toBe(birthDate);
      expect(genderOfIdent(ident)).toBe(gender);
      expect(isSimulatorPersonIdent(ident)).toBe(true);
    }
  });

  it('uses the individual numbers of the birth century: 000–499 or 900–999 for 1940–1999, 500–999 for 2000–2039', () => {
    const idents = new SyntheticPersonIdents();
    const individual = (ident: string) => Number(ident.slice(6, 9));
    const old = Array.from({ length: 230 }, () => individual(idents.next('1970-05-05', 'F')));
    expect(old.every((n) => n <= 499 || n >= 900)).toBe(true);
    expect(old.some((n) => n >= 900)).toBe(true); // the 000–499 numbers ran out first
    const young = Array.from({ length: 100 }, () => individual(idents.next('2003-05-05', 'M')));
    expect(young.every((n) => n >= 500 && n <= 999)).toBe(true);
  });

  it('never hands out the same ident twice, and says so when a birth date is used up', () => {
    const idents = new SyntheticPersonIdents();
    const handedOut = new Set<string>();
    expect(() => {
      for (;;) handedOut.add(idents.next('1999-09-09', 'F'));
    }).toThrow(/no synthetic idents left for 1999-09-09/);
    // 300 even individual numbers (000–498 and 900–998); about 9 in 11 × 10 in 11 of them have valid control digits.
    expect(handedOut.size).toBeGreaterThan(200);
    expect(handedOut.size).toBeLessThan(300);
  });

  it('is not a real-person range: no ordinary month, no D-number day, no NAV +40 month', () => {
    const idents = new SyntheticPersonIdents();
    for (let n = 0; n < 2_000; n += 1) {
      const ident = idents.next(`19${60 + (n % 40)}-0${1 + (n % 9)}-1${n % 10}`, n % 2 === 0 ? 'F' : 'M');
      const month = Number(ident.slice(2, 4));
      expect(month).toBeGreaterThanOrEqual(81);
      expect(month).toBeLessThanOrEqual(92);
      expect(Number(ident.slice(0, 2))).toBeLessThanOrEqual(31);
    }
  });

  it('tells a real ident and NAV +40 test idents from the simulator’s', () => {
    expect(isSimulatorPersonIdent('01019012480')).toBe(false); // hand-checked real-format ident (norwegian-ids spec)
    expect(isSimulatorPersonIdent('01419012480')).toBe(false); // month + 40, and not even a valid one
  });
});

describe('SyntheticOrgnrs', () => {
  it('gives distinct valid orgnr inside the documented range, in order', () => {
    const orgnrs = new SyntheticOrgnrs();
    const first = Array.from({ length: 5_000 }, () => orgnrs.next());
    expect(new Set(first).size).toBe(first.length);
    for (const orgnr of first) {
      expect(checkOrgnr(orgnr)).toEqual({ ok: true });
      expect(isSimulatorOrgnr(orgnr)).toBe(true);
    }
    expect(Number(first[0])).toBeGreaterThanOrEqual(SIMULATOR_ORGNR_RANGE.first);
    expect([...first].sort()).toEqual(first);
  });

  it('recognises only its own range', () => {
    expect(isSimulatorOrgnr('889640782')).toBe(false); // NAV's own, a real number
    expect(isSimulatorOrgnr('910000007')).toBe(false); // where libs/testing's fixtures live
    expect(isSimulatorOrgnr('80000000')).toBe(false);
  });
});
