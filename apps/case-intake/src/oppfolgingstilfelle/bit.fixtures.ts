/**
 * Test fixtures named after the handbook §3.4 abbreviations, so specs read like its tables:
 * `s100('2025-01-06', '2025-01-19')`. Every bit built is one minute newer than the one before, so "newer" in
 * the handbook means "built later" here; pass `inntruffet` to pin it.
 */
import type { Bit, Oppfolgingstilfelle, Tag } from './bit.types';
import { computeOppfolgingstilfeller, type OppfolgingstilfelleOptions } from './oppfolgingstilfelle.calculator';

export const A = '910000001';
export const B = '910000002';
export const C = '910000003';
export const PERSON = '01019012480';
/** NAV's own cutoff; any date before the fixtures works. */
export const CUTOFF = '2022-05-21';

const FIRST_INNTRUFFET = Date.UTC(2025, 5, 1);
let sequence = 0;

/** A bit at employer A with its own document id unless overridden. */
export function bit(tags: readonly Tag[], fom: string, tom: string, overrides: Partial<Bit> = {}): Bit {
  sequence += 1;
  return {
    uuid: `bit-${sequence}`,
    personId: PERSON,
    orgnr: A,
    inntruffet: new Date(FIRST_INNTRUFFET + sequence * 60_000).toISOString(),
    tags,
    ressursId: `doc-${sequence}`,
    fom,
    tom,
    ...overrides,
  };
}

type Builder = (fom: string, tom: string, overrides?: Partial<Bit>) => Bit;
const builder =
  (tags: readonly Tag[], defaults: Partial<Bit> = {}): Builder =>
  (fom, tom, overrides = {}) =>
    bit(tags, fom, tom, { ...defaults, ...overrides });

/** SM+SENDT+PERIODE+INGEN_AKTIVITET (100 %). */
export const s100 = builder(['SYKMELDING', 'SENDT', 'PERIODE', 'INGEN_AKTIVITET']);
/** SM+SENDT+PERIODE+GRADERT_AKTIVITET. */
export const sgr = builder(['SYKMELDING', 'SENDT', 'PERIODE', 'GRADERT_AKTIVITET']);
/** SM+SENDT+PERIODE+FULL_AKTIVITET: a working bit. */
export const sfull = builder(['SYKMELDING', 'SENDT', 'PERIODE', 'FULL_AKTIVITET']);
/** SM+SENDT+PERIODE+BEHANDLINGSDAGER: a working bit. */
export const beh = builder(['SYKMELDING', 'SENDT', 'PERIODE', 'BEHANDLINGSDAGER']);
/** SM+SENDT+EGENMELDING. */
export const egm = builder(['SYKMELDING', 'SENDT', 'EGENMELDING']);
/** SØK+SENDT+FERIE. */
export const fer = builder(['SYKEPENGESOKNAD', 'SENDT', 'FERIE']);
/** SØK+SENDT+ARBEID_GJENNOPPTATT: a working bit. */
export const ag = builder(['SYKEPENGESOKNAD', 'SENDT', 'ARBEID_GJENNOPPTATT']);
/** SØK+SENDT, exactly. */
export const sok = builder(['SYKEPENGESOKNAD', 'SENDT']);
/** SØK+SENDT+BEHANDLINGSDAG (a single treatment day, not a working bit). */
export const sokBehandlingsdag = builder(['SYKEPENGESOKNAD', 'SENDT', 'BEHANDLINGSDAG']);
/** INNTEKTSMELDING+ARBEIDSGIVERPERIODE. */
export const im = builder(['INNTEKTSMELDING', 'ARBEIDSGIVERPERIODE']);
/** SM+NY+PERIODE+INGEN_AKTIVITET, without orgnr (as received). */
export const ny = builder(['SYKMELDING', 'NY', 'PERIODE', 'INGEN_AKTIVITET'], { orgnr: undefined });
/** SM+BEKREFTET+PERIODE+INGEN_AKTIVITET: no employer. */
export const bekreftet = builder(['SYKMELDING', 'BEKREFTET', 'PERIODE', 'INGEN_AKTIVITET'], { orgnr: undefined });
/** SM+AVBRUTT: the sykmelding `ressursId` was cancelled. */
export const avbrutt = (ressursId: string, fom: string, tom: string): Bit =>
  bit(['SYKMELDING', 'AVBRUTT'], fom, tom, { ressursId, orgnr: undefined });

export function compute(
  bits: readonly Bit[],
  options: Partial<OppfolgingstilfelleOptions> = {},
): Oppfolgingstilfelle[] {
  return computeOppfolgingstilfeller(bits, { cutoff: CUTOFF, ...options });
}

/** The handbook's output notation: "start–end (sick days)". */
export function summary(tilfeller: readonly Oppfolgingstilfelle[]): string[] {
  return tilfeller.map(({ start, end, antallSykedager }) => `${start}–${end} (${antallSykedager})`);
}
