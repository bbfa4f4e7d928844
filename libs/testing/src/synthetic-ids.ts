import { completeOrgnr, completePersonIdent } from '@syfo/norwegian-ids';

/**
 * Deterministic synthetic identifiers for tests and demo data. Person idents use the month + 40
 * convention of NAV's synthetic test data, so they pass mod-11 but can never be a real person.
 */
export function syntheticPersonIdent(n: number): string {
  for (let individ = (n * 7) % 500; ; individ = (individ + 1) % 500) {
    const day = (n % 28) + 1;
    const month = ((Math.floor(n / 28) % 12) + 1) + 40;
    const year = 60 + (Math.floor(n / 336) % 40);
    const ident = completePersonIdent(`${pad(day)}${pad(month)}${pad(year)}${String(individ).padStart(3, '0')}`);
    if (ident) return ident;
  }
}

export function syntheticOrgnr(n: number): string {
  for (let stem = 91_000_000 + n * 13; ; stem += 1) {
    const orgnr = completeOrgnr(String(stem));
    if (orgnr) return orgnr;
  }
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
