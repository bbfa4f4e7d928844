import { mod11ControlDigit, toDigits } from './mod11';

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

export type PersonIdentKind = 'FNR' | 'DNR';
export type PersonIdentRule = 'format' | 'control_digit_1' | 'control_digit_2' | 'birth_date';
export type PersonIdentCheck =
  | { readonly ok: true; readonly kind: PersonIdentKind; readonly synthetic: boolean }
  | { readonly ok: false; readonly rule: PersonIdentRule; readonly message: string };

/**
 * Checks a fødselsnummer or D-number: eleven digits, both mod-11 control digits and a real birth date.
 * Synthetic test idents (month + 40 as NAV's test data uses, month + 80 as Skatteetaten's) are accepted
 * and flagged, so synthetic populations pass the same validation as real ones.
 */
export function checkPersonIdent(value: string): PersonIdentCheck {
  if (!/^\d{11}$/.test(value)) {
    return { ok: false, rule: 'format', message: 'must be exactly 11 digits' };
  }
  const digits = toDigits(value);
  if (mod11ControlDigit(digits, K1_WEIGHTS) !== digits[9]) {
    return { ok: false, rule: 'control_digit_1', message: 'first mod-11 control digit does not match' };
  }
  if (mod11ControlDigit(digits, K2_WEIGHTS) !== digits[10]) {
    return { ok: false, rule: 'control_digit_2', message: 'second mod-11 control digit does not match' };
  }
  const kind: PersonIdentKind = digits[0]! >= 4 ? 'DNR' : 'FNR';
  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  if (kind === 'DNR') day -= 40;
  const synthetic = month > 40;
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;
  const yy = Number(value.slice(4, 6));
  const individ = Number(value.slice(6, 9));
  const year = birthYear(yy, individ);
  if (year === undefined || !isCalendarDate(year, month, day)) {
    return { ok: false, rule: 'birth_date', message: 'the first six digits are not a valid birth date' };
  }
  return { ok: true, kind, synthetic };
}

export function isValidPersonIdent(value: string): boolean {
  return checkPersonIdent(value).ok;
}

/** Completes the two control digits of a nine-digit stem, or `undefined` if the stem cannot have any. */
export function completePersonIdent(stem: string): string | undefined {
  if (!/^\d{9}$/.test(stem)) return undefined;
  const digits = toDigits(stem);
  const k1 = mod11ControlDigit(digits, K1_WEIGHTS);
  if (k1 === undefined) return undefined;
  const k2 = mod11ControlDigit([...digits, k1], K2_WEIGHTS);
  return k2 === undefined ? undefined : `${stem}${k1}${k2}`;
}

/**
 * The birth date (YYYY-MM-DD) a valid fødselsnummer or D-number encodes, synthetic ones included; for
 * age rules such as screening exclusions. `undefined` when the ident is not valid.
 */
export function birthDateOf(value: string): string | undefined {
  if (!checkPersonIdent(value).ok) return undefined;
  let day = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4)) % 40;
  if (day > 40) day -= 40;
  const year = birthYear(Number(value.slice(4, 6)), Number(value.slice(6, 9)))!;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// The individual number range decides the century (Skatteetaten's allocation rules).
function birthYear(yy: number, individ: number): number | undefined {
  if (individ <= 499) return 1900 + yy;
  if (individ <= 749 && yy >= 54) return 1800 + yy;
  if (individ <= 999 && yy <= 39) return 2000 + yy;
  if (individ >= 900 && yy >= 40) return 1900 + yy;
  return undefined;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
