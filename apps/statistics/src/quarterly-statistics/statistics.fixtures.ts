import type { LocalDate } from '@syfo/local-date';
import { parseDagsverk, type ArbeidsforholdFact, type PersonFacts, type SickNoteFact, type TilfelleFact } from './dagsverk.calculator';
import type { VirksomhetFact, VirksomhetRegister } from './unit.classifier';

// Valid organisasjonsnumre (mod-11) for the specs.
export const UNIT_A = '910000012';
export const UNIT_B = '910000020';
export const UNIT_C = '910000039';
export const HOVEDENHET_H = '810000015';
export const HOVEDENHET_J = '810000023';

export const dagsverk = parseDagsverk;

type Period = SickNoteFact['periods'][number];

export const full = (fom: LocalDate, tom: LocalDate): Period => ({ fom, tom, type: 'FULL' });
export const graded = (fom: LocalDate, tom: LocalDate, grade: number): Period => ({ fom, tom, type: 'GRADED', grade });

export function arbeidsforhold(
  orgnr: string,
  fom: LocalDate,
  tom: LocalDate | null = null,
  options: Partial<Omit<ArbeidsforholdFact, 'orgnr' | 'fom' | 'tom'>> = {},
): ArbeidsforholdFact {
  return { arbeidsforholdId: `af-${orgnr}-${fom}`, stillingsprosent: 100, cancelled: false, ...options, orgnr, fom, tom };
}

export function sickNote(periods: readonly Period[], options: Partial<Omit<SickNoteFact, 'periods'>> = {}): SickNoteFact {
  return { sickNoteId: 'note-1', orgnr: UNIT_A, status: 'SENDT', version: 1, cancelled: false, ...options, periods: [...periods] };
}

export function tilfelle(start: LocalDate, end: LocalDate): TilfelleFact {
  return { start, end };
}

export function personFacts(facts: Partial<PersonFacts>): PersonFacts {
  return { arbeidsforhold: [], sickNotes: [], tilfeller: [], ...facts };
}

export function virksomhet(orgnr: string, options: Partial<Omit<VirksomhetFact, 'orgnr'>> = {}): VirksomhetFact {
  return {
    hovedenhetOrgnr: HOVEDENHET_H,
    naeringskode: '86.101',
    sektor: 'KOMMUNAL',
    kommunenummer: '4601',
    version: 1,
    cancelled: false,
    ...options,
    orgnr,
  };
}

export function registerOf(...facts: readonly VirksomhetFact[]): VirksomhetRegister {
  return new Map(facts.map((fact) => [fact.orgnr, fact]));
}
