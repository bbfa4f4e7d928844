import type { Tag } from './bit.types';
import { PRECEDENCE, precedenceRank } from './precedence.constant';

const rank = (...tags: Tag[]) => precedenceRank(new Set(tags));

describe('precedence table (§3.2 step 4)', () => {
  it('has the 27 ranks in order', () => {
    expect(PRECEDENCE.map((rule) => rule.rank)).toEqual(Array.from({ length: 27 }, (_, index) => index + 1));
  });

  it('ranks the §3.4 abbreviations as the handbook table does', () => {
    expect(rank('SYKEPENGESOKNAD', 'SENDT', 'ARBEID_GJENNOPPTATT')).toBe(1); // AG
    expect(rank('SYKEPENGESOKNAD', 'SENDT', 'KORRIGERT_ARBEIDSTID', 'BEHANDLINGSDAGER')).toBe(2);
    expect(rank('SYKEPENGESOKNAD', 'SENDT', 'KORRIGERT_ARBEIDSTID', 'GRADERT_AKTIVITET')).toBe(5);
    expect(rank('SYKEPENGESOKNAD', 'SENDT', 'FERIE')).toBe(6); // FER
    expect(rank('SYKEPENGESOKNAD', 'SENDT', 'PERMISJON')).toBe(6);
    expect(rank('SYKEPENGESOKNAD', 'SENDT', 'FRAVAR_FOR_SYKMELDING')).toBe(7);
    expect(rank('SYKEPENGESOKNAD', 'SENDT')).toBe(8); // SOK
    expect(rank('SYKEPENGESOKNAD', 'SENDT', 'BEHANDLINGSDAGER')).toBe(10);
    expect(rank('INNTEKTSMELDING', 'ARBEIDSGIVERPERIODE')).toBe(11);
    expect(rank('SYKMELDING', 'SENDT', 'PERIODE', 'INGEN_AKTIVITET')).toBe(12); // S100
    expect(rank('SYKMELDING', 'SENDT', 'PERIODE', 'GRADERT_AKTIVITET')).toBe(14); // SGR
    expect(rank('SYKMELDING', 'SENDT', 'EGENMELDING')).toBe(15); // EGM
    expect(rank('SYKMELDING', 'SENDT', 'PERIODE', 'BEHANDLINGSDAGER')).toBe(16); // BEH
    expect(rank('SYKMELDING', 'BEKREFTET', 'PERIODE', 'INGEN_AKTIVITET')).toBe(17);
    expect(rank('SYKMELDING', 'BEKREFTET', 'ANNET_FRAVAR')).toBe(21);
    expect(rank('SYKMELDING', 'SENDT', 'PERIODE', 'REISETILSKUDD', 'UKJENT_AKTIVITET')).toBe(22);
    expect(rank('SYKMELDING', 'NY', 'PERIODE', 'INGEN_AKTIVITET')).toBe(23); // NY
    expect(rank('SYKMELDING', 'NY', 'PERIODE', 'REISETILSKUDD', 'UKJENT_AKTIVITET')).toBe(27);
  });

  it('reaches every rule: no earlier rule shadows a later one', () => {
    for (const rule of PRECEDENCE) {
      for (const alternative of rule.anyOf ?? [undefined]) {
        const tags = alternative === undefined ? rule.allOf : [...rule.allOf, alternative];
        expect({ tags, rank: precedenceRank(new Set(tags)) }).toEqual({ tags, rank: rule.rank });
      }
    }
  });

  it('matches by containment, except rank 8 which needs exactly SØK+SENDT', () => {
    expect(rank('SYKEPENGESOKNAD', 'SENDT', 'FERIE', 'UTDANNING')).toBe(6);
    expect(rank('SYKEPENGESOKNAD', 'SENDT', 'UTDANNING')).toBeUndefined();
  });

  it('leaves status and partial tag sets unranked', () => {
    expect(rank('SYKMELDING', 'AVBRUTT')).toBeUndefined();
    expect(rank('SYKMELDING', 'UTGAATT', 'PERIODE', 'INGEN_AKTIVITET')).toBeUndefined();
    expect(rank('SYKMELDING', 'SENDT', 'PERIODE')).toBeUndefined();
    expect(rank('SYKEPENGESOKNAD', 'FERIE')).toBeUndefined();
    expect(rank()).toBeUndefined();
  });
});
