export type { Arbeidsforhold, Bit, Oppfolgingstilfelle, Tag } from './bit.types';
export { TAGS } from './bit.types';
export type { LocalDate } from '@syfo/local-date';
export { computeOppfolgingstilfeller, type OppfolgingstilfelleOptions } from './oppfolgingstilfelle.calculator';
export { isRecurringAbsence } from './recurring-absence.util';
