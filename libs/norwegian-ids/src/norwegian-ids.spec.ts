import fc from 'fast-check';

import { checkOrgnr, completeOrgnr } from './organisasjonsnummer';
import { birthDateOf, checkPersonIdent, completePersonIdent } from './fodselsnummer';

describe('organisasjonsnummer', () => {
  it('accepts a real registered number (NAV: 889 640 782)', () => {
    expect(checkOrgnr('889640782')).toEqual({ ok: true });
  });

  it('names the rule a bad number breaks', () => {
    expect(checkOrgnr('889640781')).toMatchObject({ ok: false, rule: 'control_digit' });
    expect(checkOrgnr('12345678')).toMatchObject({ ok: false, rule: 'format' });
    expect(checkOrgnr('189640782')).toMatchObject({ ok: false, rule: 'format' });
  });

  it('detects every single-digit error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8_000_0000, max: 9_999_9999 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 9 }), (stem, pos, delta) => {
        const orgnr = completeOrgnr(String(stem));
        fc.pre(orgnr !== undefined);
        const digits = [...orgnr!];
        digits[pos] = String((Number(digits[pos]) + delta) % 10);
        expect(checkOrgnr(digits.join('')).ok).toBe(false);
      }),
    );
  });
});

describe('fødselsnummer and D-number', () => {
  // Born 1 Jan 1990, individual number 124, control digits worked out by hand: k1 = 11 - 102 % 11 = 8,
  // k2 = 11 - 110 % 11 = 11, which counts as 0. (Individual number 123 gives k1 = 10: no valid ident.)
  it('accepts a hand-checked fødselsnummer', () => {
    expect(completePersonIdent('010190123')).toBeUndefined();
    expect(completePersonIdent('010190124')).toBe('01019012480');
    expect(checkPersonIdent('01019012480')).toEqual({ ok: true, kind: 'FNR', synthetic: false });
  });

  it('recognises D-numbers and synthetic idents', () => {
    const dnr = completePersonIdent('410190124');
    expect(dnr && checkPersonIdent(dnr)).toEqual({ ok: true, kind: 'DNR', synthetic: false });
    const synthetic = completePersonIdent('014190124') ?? completePersonIdent('014190125');
    expect(synthetic && checkPersonIdent(synthetic)).toEqual({ ok: true, kind: 'FNR', synthetic: true });
  });

  it('reads the birth date of fødselsnummer, D-numbers and synthetic idents, and nothing from invalid ones', () => {
    expect(birthDateOf('01019012480')).toBe('1990-01-01');
    expect(birthDateOf(completePersonIdent('410190124')!)).toBe('1990-01-01');
    const synthetic = completePersonIdent('154185124') ?? completePersonIdent('154185125');
    expect(synthetic && birthDateOf(synthetic)).toBe('1985-01-15');
    const born2005 = completePersonIdent('310805512') ?? completePersonIdent('310805513');
    expect(born2005 && birthDateOf(born2005)).toBe('2005-08-31');
    expect(birthDateOf('01019012481')).toBeUndefined();
  });

  it('names the rule a bad ident breaks', () => {
    expect(checkPersonIdent('0101901231')).toMatchObject({ ok: false, rule: 'format' });
    expect(checkPersonIdent('01019012470')).toMatchObject({ ok: false, rule: 'control_digit_1' });
    expect(checkPersonIdent('01019012481')).toMatchObject({ ok: false, rule: 'control_digit_2' });
    const feb30 = completePersonIdent('300290123') ?? completePersonIdent('300290124');
    expect(feb30 && checkPersonIdent(feb30)).toMatchObject({ ok: false, rule: 'birth_date' });
  });

  it('detects every single-digit error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (stem, pos, delta) => {
        const ident = completePersonIdent(String(stem).padStart(9, '0'));
        fc.pre(ident !== undefined);
        const digits = [...ident!];
        digits[pos] = String((Number(digits[pos]) + delta) % 10);
        expect(checkPersonIdent(digits.join('')).ok).toBe(false);
      }),
    );
  });
});
