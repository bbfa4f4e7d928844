import { mod11ControlDigit, toDigits } from './mod11';

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

export type OrgnrRule = 'format' | 'control_digit';
export type OrgnrCheck = { readonly ok: true } | { readonly ok: false; readonly rule: OrgnrRule; readonly message: string };

/** Checks an organisasjonsnummer (Enhetsregisteret): nine digits starting with 8 or 9, mod-11 control digit. */
export function checkOrgnr(value: string): OrgnrCheck {
  if (!/^[89]\d{8}$/.test(value)) {
    return { ok: false, rule: 'format', message: 'must be 9 digits starting with 8 or 9' };
  }
  const digits = toDigits(value);
  if (mod11ControlDigit(digits, WEIGHTS) !== digits[8]) {
    return { ok: false, rule: 'control_digit', message: 'mod-11 control digit does not match' };
  }
  return { ok: true };
}

export function isValidOrgnr(value: string): boolean {
  return checkOrgnr(value).ok;
}

/** Completes the control digit of an eight-digit stem, or `undefined` if the stem cannot have one. */
export function completeOrgnr(stem: string): string | undefined {
  if (!/^[89]\d{7}$/.test(stem)) return undefined;
  const control = mod11ControlDigit(toDigits(stem), WEIGHTS);
  return control === undefined ? undefined : `${stem}${control}`;
}
