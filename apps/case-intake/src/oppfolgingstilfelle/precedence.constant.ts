import type { Tag } from './bit.types';

/**
 * One row of the precedence table (§3.2 step 4). A bit matches when it carries every tag in `allOf`,
 * at least one tag in `anyOf` (if given), and, for `exact`, no other tag. Lower rank wins.
 */
export interface PrecedenceRule {
  readonly rank: number;
  readonly allOf: readonly Tag[];
  readonly anyOf?: readonly Tag[];
  readonly exact?: boolean;
}

const SOK_SENDT = ['SYKEPENGESOKNAD', 'SENDT'] as const;
const SM_SENDT_PERIODE = ['SYKMELDING', 'SENDT', 'PERIODE'] as const;
const SM_BEKREFTET_PERIODE = ['SYKMELDING', 'BEKREFTET', 'PERIODE'] as const;
const SM_NY_PERIODE = ['SYKMELDING', 'NY', 'PERIODE'] as const;

/** §3.2 step 4, with the handbook's condensed rows ("2–5", "12–14", "17–21", "23–27") expanded in order. */
export const PRECEDENCE: readonly PrecedenceRule[] = [
  { rank: 1, allOf: [...SOK_SENDT, 'ARBEID_GJENNOPPTATT'] },
  { rank: 2, allOf: [...SOK_SENDT, 'KORRIGERT_ARBEIDSTID', 'BEHANDLINGSDAGER'] },
  { rank: 3, allOf: [...SOK_SENDT, 'KORRIGERT_ARBEIDSTID', 'INGEN_AKTIVITET'] },
  { rank: 4, allOf: [...SOK_SENDT, 'KORRIGERT_ARBEIDSTID', 'FULL_AKTIVITET'] },
  { rank: 5, allOf: [...SOK_SENDT, 'KORRIGERT_ARBEIDSTID', 'GRADERT_AKTIVITET'] },
  { rank: 6, allOf: SOK_SENDT, anyOf: ['FERIE', 'PERMISJON'] },
  { rank: 7, allOf: SOK_SENDT, anyOf: ['EGENMELDING', 'PAPIRSYKMELDING', 'FRAVAR_FOR_SYKMELDING'] },
  { rank: 8, allOf: SOK_SENDT, exact: true },
  { rank: 9, allOf: [...SOK_SENDT, 'BEHANDLINGSDAG'] },
  { rank: 10, allOf: [...SOK_SENDT, 'BEHANDLINGSDAGER'] },
  { rank: 11, allOf: ['INNTEKTSMELDING', 'ARBEIDSGIVERPERIODE'] },
  { rank: 12, allOf: [...SM_SENDT_PERIODE, 'INGEN_AKTIVITET'] },
  { rank: 13, allOf: [...SM_SENDT_PERIODE, 'FULL_AKTIVITET'] },
  { rank: 14, allOf: [...SM_SENDT_PERIODE, 'GRADERT_AKTIVITET'] },
  { rank: 15, allOf: ['SYKMELDING', 'SENDT', 'EGENMELDING'] },
  { rank: 16, allOf: [...SM_SENDT_PERIODE, 'BEHANDLINGSDAGER'] },
  { rank: 17, allOf: [...SM_BEKREFTET_PERIODE, 'INGEN_AKTIVITET'] },
  { rank: 18, allOf: [...SM_BEKREFTET_PERIODE, 'FULL_AKTIVITET'] },
  { rank: 19, allOf: [...SM_BEKREFTET_PERIODE, 'GRADERT_AKTIVITET'] },
  { rank: 20, allOf: [...SM_BEKREFTET_PERIODE, 'BEHANDLINGSDAGER'] },
  { rank: 21, allOf: ['SYKMELDING', 'BEKREFTET', 'ANNET_FRAVAR'] },
  { rank: 22, allOf: [...SM_SENDT_PERIODE, 'REISETILSKUDD', 'UKJENT_AKTIVITET'] },
  { rank: 23, allOf: [...SM_NY_PERIODE, 'INGEN_AKTIVITET'] },
  { rank: 24, allOf: [...SM_NY_PERIODE, 'FULL_AKTIVITET'] },
  { rank: 25, allOf: [...SM_NY_PERIODE, 'GRADERT_AKTIVITET'] },
  { rank: 26, allOf: [...SM_NY_PERIODE, 'BEHANDLINGSDAGER'] },
  { rank: 27, allOf: [...SM_NY_PERIODE, 'REISETILSKUDD', 'UKJENT_AKTIVITET'] },
];

function matches(rule: PrecedenceRule, tags: ReadonlySet<Tag>): boolean {
  return (
    rule.allOf.every((tag) => tags.has(tag)) &&
    (rule.anyOf === undefined || rule.anyOf.some((tag) => tags.has(tag))) &&
    (!rule.exact || tags.size === rule.allOf.length)
  );
}

/** Rank of the first matching rule, or undefined: a bit no rule matches is ignored entirely (§3.5). */
export function precedenceRank(tags: ReadonlySet<Tag>): number | undefined {
  return PRECEDENCE.find((rule) => matches(rule, tags))?.rank;
}
