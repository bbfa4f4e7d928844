import type { LocalDate } from '@syfo/local-date';

/**
 * Every tag named in handbook §3.1/§3.2, plus UTDANNING (§3.5's example of a tag no precedence rule matches).
 * A runtime list so adapters can validate incoming tags.
 */
export const TAGS = [
  'SYKMELDING',
  'NY',
  'SENDT',
  'BEKREFTET',
  'AVBRUTT',
  'UTGAATT',
  'PERIODE',
  'INGEN_AKTIVITET',
  'GRADERT_AKTIVITET',
  'FULL_AKTIVITET',
  'BEHANDLINGSDAGER',
  'BEHANDLINGSDAG',
  'REISETILSKUDD',
  'UKJENT_AKTIVITET',
  'ANNET_FRAVAR',
  'EGENMELDING',
  'PAPIRSYKMELDING',
  'FRAVAR_FOR_SYKMELDING',
  'SYKEPENGESOKNAD',
  'FERIE',
  'PERMISJON',
  'ARBEID_GJENNOPPTATT',
  'KORRIGERT_ARBEIDSTID',
  'UTDANNING',
  'INNTEKTSMELDING',
  'ARBEIDSGIVERPERIODE',
] as const;

export type Tag = (typeof TAGS)[number];

/** A fragment of a sick-leave document (§3.1). One document (ressursId) usually yields several bits. */
export interface Bit {
  readonly uuid: string;
  readonly personId: string;
  /** Employer (virksomhetsnummer); absent on BEKREFTET and (until resolved, §3.5) NY sykmelding bits. */
  readonly orgnr?: string;
  /** When the event happened, as an ISO-8601 instant (e.g. '2025-01-20T08:00:00Z'). Newer wins ties of rank. */
  readonly inntruffet: string;
  readonly tags: readonly Tag[];
  /** The source document (sykmelding, søknad or inntektsmelding id). */
  readonly ressursId: string;
  readonly fom: LocalDate;
  readonly tom: LocalDate;
  /** ressursId of the søknad this one corrects (§3.2 step 2a). */
  readonly korrigerer?: string;
}

/** An employment from the register (Aa-registeret); only used to give NY bits an orgnr (§3.5). */
export interface Arbeidsforhold {
  readonly orgnr: string;
  readonly fom: LocalDate;
  readonly tom?: LocalDate;
}

/** A sick-leave episode (§3.2 step 7). */
export interface Oppfolgingstilfelle {
  /** First counted day. */
  readonly start: LocalDate;
  /** Last counted (sick) day. */
  readonly end: LocalDate;
  /** Number of counted days, holiday days appended to sickness included (step 6). */
  readonly antallSykedager: number;
  /** Sorted ascending; compare as a set (§3.5). */
  readonly virksomhetsnummerList: readonly string[];
  readonly arbeidstakerAtTilfelleEnd: boolean;
  readonly gradertAtTilfelleEnd: boolean;
}
