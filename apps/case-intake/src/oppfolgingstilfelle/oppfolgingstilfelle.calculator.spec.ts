import {
  A,
  B,
  C,
  ag,
  avbrutt,
  beh,
  bekreftet,
  bit,
  compute,
  egm,
  fer,
  im,
  ny,
  s100,
  sfull,
  sgr,
  sok,
  sokBehandlingsdag,
  summary,
} from './bit.fixtures';
import type { Bit } from './bit.types';

const ALWAYS_EMPLOYED_AT = (orgnr: string) => [{ orgnr, fom: '2020-01-01' }];

describe('worked examples (§3.4)', () => {
  it('1: one note', () => {
    expect(compute([s100('2025-01-06', '2025-01-19')])).toEqual([
      {
        start: '2025-01-06',
        end: '2025-01-19',
        antallSykedager: 14,
        virksomhetsnummerList: [A],
        arbeidstakerAtTilfelleEnd: true,
        gradertAtTilfelleEnd: false,
      },
    ]);
  });

  it('2: a 15-day gap merges', () => {
    const bits = [s100('2025-01-06', '2025-01-19'), s100('2025-02-04', '2025-02-17')];
    expect(summary(compute(bits))).toEqual(['2025-01-06–2025-02-17 (28)']);
  });

  it('3: a 16-day gap splits', () => {
    const bits = [s100('2025-01-06', '2025-01-19'), s100('2025-02-05', '2025-02-18')];
    expect(summary(compute(bits))).toEqual(['2025-01-06–2025-01-19 (14)', '2025-02-05–2025-02-18 (14)']);
  });

  it('4: egenmelding days are sick days', () => {
    const bits = [egm('2025-01-06', '2025-01-08'), s100('2025-01-09', '2025-01-22')];
    expect(summary(compute(bits))).toEqual(['2025-01-06–2025-01-22 (17)']);
  });

  it('5: holiday right after sickness counts as sick, and the remaining 14-day gap merges', () => {
    const bits = [s100('2025-01-06', '2025-01-26'), fer('2025-01-20', '2025-01-26'), s100('2025-02-10', '2025-02-16')];
    expect(summary(compute(bits))).toEqual(['2025-01-06–2025-02-16 (28)']);
  });

  it('6: 2 working days + 14 holiday days make a 16-day gap', () => {
    const bits = [
      s100('2025-01-06', '2025-01-19'),
      s100('2025-01-22', '2025-02-04'),
      fer('2025-01-22', '2025-02-04'),
      s100('2025-02-05', '2025-02-18'),
    ];
    expect(summary(compute(bits))).toEqual(['2025-01-06–2025-01-19 (14)', '2025-02-05–2025-02-18 (14)']);
  });

  it('7: behandlingsdager are working days', () => {
    const [tilfelle, ...rest] = compute([s100('2025-01-06', '2025-01-12'), beh('2025-01-13', '2025-02-09')]);
    expect(rest).toEqual([]);
    expect(summary([tilfelle])).toEqual(['2025-01-06–2025-01-12 (7)']);
    expect(tilfelle.gradertAtTilfelleEnd).toBe(false);
  });

  it('8: a 50 % note is graded at the end', () => {
    const [tilfelle, ...rest] = compute([sgr('2025-01-06', '2025-03-09')]);
    expect(rest).toEqual([]);
    expect(summary([tilfelle])).toEqual(['2025-01-06–2025-03-09 (63)']);
    expect(tilfelle.gradertAtTilfelleEnd).toBe(true);
  });

  const example9a = () => [
    s100('2025-01-06', '2025-01-31'),
    sok('2025-01-06', '2025-01-12', { ressursId: 'S1' }),
    ag('2025-01-13', '2025-01-31', { ressursId: 'S1' }),
    s100('2025-02-10', '2025-02-23'),
  ];

  it('9a: a søknad saying work resumed ends the sickness early', () => {
    expect(summary(compute(example9a()))).toEqual(['2025-01-06–2025-01-12 (7)', '2025-02-10–2025-02-23 (14)']);
  });

  it('9b: its correction moves the resumption and the gap shrinks to 14 days', () => {
    const bits = [
      ...example9a(),
      sok('2025-01-06', '2025-01-26', { ressursId: 'S2', korrigerer: 'S1' }),
      ag('2025-01-27', '2025-01-31', { ressursId: 'S2', korrigerer: 'S1' }),
    ];
    expect(summary(compute(bits))).toEqual(['2025-01-06–2025-02-23 (35)']);
  });

  it('10: a late note bridges the split of example 3', () => {
    const bits = [s100('2025-01-06', '2025-01-19'), s100('2025-02-05', '2025-02-18'), s100('2025-01-25', '2025-02-01')];
    expect(summary(compute(bits))).toEqual(['2025-01-06–2025-02-18 (36)']);
  });

  it('11a: a NY note without orgnr makes a tilfelle, not as arbeidstaker', () => {
    expect(compute([ny('2025-03-03', '2025-03-16', { ressursId: 'SM1' })])).toEqual([
      {
        start: '2025-03-03',
        end: '2025-03-16',
        antallSykedager: 14,
        virksomhetsnummerList: [],
        arbeidstakerAtTilfelleEnd: false,
        gradertAtTilfelleEnd: false,
      },
    ]);
  });

  it('11b: once that sykmelding is AVBRUTT there is no tilfelle', () => {
    const bits = [ny('2025-03-03', '2025-03-16', { ressursId: 'SM1' }), avbrutt('SM1', '2025-03-03', '2025-03-16')];
    expect(compute(bits)).toEqual([]);
  });

  it('12: sick at B overrides working at A', () => {
    const bits = [
      s100('2025-01-06', '2025-02-02'),
      ag('2025-01-20', '2025-02-02'),
      s100('2025-01-06', '2025-02-02', { orgnr: B }),
    ];
    const tilfeller = compute(bits);
    expect(summary(tilfeller)).toEqual(['2025-01-06–2025-02-02 (28)']);
    expect(tilfeller[0].virksomhetsnummerList).toEqual([A, B]);
  });
});

describe('intake (§3.2 step 1, §3.5)', () => {
  it('drops bits without orgnr unless they are SM+BEKREFTET or SM+NY', () => {
    const noOrgnr = { orgnr: undefined };
    expect(compute([s100('2025-01-06', '2025-01-19', noOrgnr)])).toEqual([]);
    expect(compute([sok('2025-01-06', '2025-01-19', noOrgnr)])).toEqual([]);
    expect(compute([im('2025-01-06', '2025-01-19', noOrgnr)])).toEqual([]);
    expect(summary(compute([bekreftet('2025-01-06', '2025-01-19')]))).toEqual(['2025-01-06–2025-01-19 (14)']);
    expect(summary(compute([ny('2025-01-06', '2025-01-19')]))).toEqual(['2025-01-06–2025-01-19 (14)']);
  });

  it('ignores a NY bit whose fom is before the cutoff, even if it runs past it', () => {
    const note = ny('2025-03-02', '2025-03-16');
    expect(compute([note], { cutoff: '2025-03-03' })).toEqual([]);
    expect(summary(compute([note], { cutoff: '2025-03-02' }))).toEqual(['2025-03-02–2025-03-16 (15)']);
  });

  it('cutoff applies to NY bits only', () => {
    expect(summary(compute([s100('2025-03-02', '2025-03-16')], { cutoff: '2025-06-01' }))).toEqual([
      '2025-03-02–2025-03-16 (15)',
    ]);
  });

  it('ignores a NY bit when a SENDT or BEKREFTET bit of the same sykmelding exists, whatever the order', () => {
    const nyNote = ny('2025-01-06', '2025-01-31', { ressursId: 'SM1' });
    const sent = s100('2025-01-06', '2025-01-19', { ressursId: 'SM1' });
    expect(summary(compute([nyNote, sent]))).toEqual(['2025-01-06–2025-01-19 (14)']);
    expect(summary(compute([sent, nyNote]))).toEqual(['2025-01-06–2025-01-19 (14)']);
    const confirmed = bekreftet('2025-01-06', '2025-01-19', { ressursId: 'SM1' });
    expect(summary(compute([nyNote, confirmed]))).toEqual(['2025-01-06–2025-01-19 (14)']);
    // Another sykmelding's SENDT bit does not suppress it.
    const other = s100('2025-01-06', '2025-01-19', { ressursId: 'SM2' });
    expect(summary(compute([nyNote, other]))).toEqual(['2025-01-06–2025-01-31 (26)']);
  });

  it('ignores duplicate uuids', () => {
    const note = s100('2025-01-06', '2025-01-19');
    expect(compute([note, note, { ...note }])).toEqual(compute([note]));
  });

  it('keeps the earliest copy of a uuid whatever the arrival order', () => {
    const first = s100('2025-01-06', '2025-01-19', { uuid: 'same', inntruffet: '2025-02-01T08:00:00Z' });
    const second = s100('2025-01-06', '2025-01-31', { uuid: 'same', inntruffet: '2025-02-02T08:00:00Z' });
    expect(summary(compute([first, second]))).toEqual(['2025-01-06–2025-01-19 (14)']);
    expect(summary(compute([second, first]))).toEqual(['2025-01-06–2025-01-19 (14)']);
  });

  it('returns no tilfelle for no bits', () => {
    expect(compute([])).toEqual([]);
  });

  it('refuses bits of different persons and malformed dates', () => {
    const otherPerson = s100('2025-01-06', '2025-01-19', { personId: 'x' });
    expect(() => compute([s100('2025-01-06', '2025-01-19'), otherPerson])).toThrow(/2 persons/);
    expect(() => compute([s100('2025-02-30', '2025-03-02')])).toThrow(RangeError);
    // Without an offset the instant would depend on the host time zone.
    const localTime = s100('2025-01-06', '2025-01-19', { inntruffet: '2025-02-01T08:00:00' });
    expect(() => compute([localTime])).toThrow(RangeError);
    expect(() => compute([], { cutoff: '21.05.2022' })).toThrow(RangeError);
  });
});

describe('NY bits get an orgnr from the arbeidsforhold (§3.5)', () => {
  const note = () => ny('2025-03-03', '2025-03-16');

  it('a covering arbeidsforhold makes the person arbeidstaker at that employer', () => {
    const [tilfelle] = compute([note()], { arbeidsforhold: ALWAYS_EMPLOYED_AT(A) });
    expect(tilfelle.arbeidstakerAtTilfelleEnd).toBe(true);
    expect(tilfelle.virksomhetsnummerList).toEqual([A]);
  });

  it('covers only if it started before the note’s tom and ends after it (both strict)', () => {
    const employer = (fom: string, tom?: string) => compute([note()], { arbeidsforhold: [{ orgnr: A, fom, tom }] })[0];
    expect(employer('2025-03-15').arbeidstakerAtTilfelleEnd).toBe(true);
    expect(employer('2025-03-16').arbeidstakerAtTilfelleEnd).toBe(false);
    expect(employer('2020-01-01', '2025-03-17').arbeidstakerAtTilfelleEnd).toBe(true);
    expect(employer('2020-01-01', '2025-03-16').arbeidstakerAtTilfelleEnd).toBe(false);
  });

  it('picks the lowest orgnr when several arbeidsforhold cover the note, whatever their order', () => {
    const arbeidsforhold = [...ALWAYS_EMPLOYED_AT(C), ...ALWAYS_EMPLOYED_AT(B)];
    expect(compute([note()], { arbeidsforhold })[0].virksomhetsnummerList).toEqual([B]);
    expect(compute([note()], { arbeidsforhold: [...arbeidsforhold].reverse() })[0].virksomhetsnummerList).toEqual([B]);
  });

  it('once it has an orgnr, a NY note counts in that employer’s arbeidsdag decision', () => {
    const bits = [
      s100('2025-01-06', '2025-01-12'),
      s100('2025-01-06', '2025-01-12', { orgnr: B }),
      ag('2025-01-13', '2025-02-09'),
      ny('2025-01-13', '2025-02-09'),
    ];
    // Without an orgnr the NY note is nobody's, so working at A makes 01-13.. arbeidsdager.
    expect(summary(compute(bits))).toEqual(['2025-01-06–2025-01-12 (7)']);
    // At B it is B's top bit, and sick at B outweighs working at A.
    expect(summary(compute(bits, { arbeidsforhold: ALWAYS_EMPLOYED_AT(B) }))).toEqual(['2025-01-06–2025-02-09 (35)']);
    // Employers are the orgnr of non-NY bits: at C, where nothing else was received, it still decides nothing.
    expect(summary(compute(bits, { arbeidsforhold: ALWAYS_EMPLOYED_AT(C) }))).toEqual(['2025-01-06–2025-01-12 (7)']);
  });
});

describe('supersession (§3.2 step 2)', () => {
  it('drops every version of a correction chain, not only the one the newest corrects', () => {
    const s1 = sok('2025-01-06', '2025-02-10', { ressursId: 'S1' });
    const s2 = [
      sok('2025-01-06', '2025-01-12', { ressursId: 'S2', korrigerer: 'S1' }),
      ag('2025-01-13', '2025-01-31', { ressursId: 'S2', korrigerer: 'S1' }),
    ];
    const s3 = [
      sok('2025-01-06', '2025-01-19', { ressursId: 'S3', korrigerer: 'S2' }),
      ag('2025-01-20', '2025-01-31', { ressursId: 'S3', korrigerer: 'S2' }),
    ];
    // If S1 survived, its sick days 02-01..02-10 would merge in; if S2 survived, its AG would end sickness 01-12.
    expect(summary(compute([s1, ...s2, ...s3]))).toEqual(['2025-01-06–2025-01-19 (14)']);
    expect(summary(compute([...s3, ...s2, s1]))).toEqual(['2025-01-06–2025-01-19 (14)']);
  });

  it('removes all bits of a tombstoned document', () => {
    const bits = [
      s100('2025-01-06', '2025-01-19', { ressursId: 'R1' }),
      s100('2025-01-25', '2025-02-07', { ressursId: 'R2' }),
    ];
    expect(summary(compute(bits))).toEqual(['2025-01-06–2025-02-07 (28)']);
    expect(summary(compute(bits, { tombstonedRessursIds: new Set(['R2']) }))).toEqual(['2025-01-06–2025-01-19 (14)']);
  });

  it('a tombstoned correction no longer supersedes the søknad it corrected', () => {
    const s1 = sok('2025-01-06', '2025-02-10', { ressursId: 'S1' });
    const s2 = ag('2025-01-06', '2025-02-10', { ressursId: 'S2', korrigerer: 'S1' });
    expect(compute([s1, s2])).toEqual([]);
    const withoutS2 = compute([s1, s2], { tombstonedRessursIds: new Set(['S2']) });
    expect(summary(withoutS2)).toEqual(['2025-01-06–2025-02-10 (36)']);
  });

  it('AVBRUTT removes only the NY bits of that sykmelding', () => {
    const bits = [
      ny('2025-01-06', '2025-01-19', { ressursId: 'SM1' }),
      s100('2025-01-25', '2025-02-07', { ressursId: 'SM2' }),
      avbrutt('SM1', '2025-01-06', '2025-01-19'),
      avbrutt('SM2', '2025-01-25', '2025-02-07'),
    ];
    expect(summary(compute(bits))).toEqual(['2025-01-25–2025-02-07 (14)']);
  });
});

describe('winner per day (§3.2 step 4)', () => {
  // Both rank 9 (SØK+SENDT+BEHANDLINGSDAG); only the second is a working bit (SØK+BEHANDLINGSDAGER).
  const sickRank9 = (overrides: Parameters<typeof sokBehandlingsdag>[2]) =>
    sokBehandlingsdag('2025-01-06', '2025-01-19', overrides);
  const workingRank9 = (overrides: Parameters<typeof sokBehandlingsdag>[2]) =>
    bit(['SYKEPENGESOKNAD', 'SENDT', 'BEHANDLINGSDAG', 'BEHANDLINGSDAGER'], '2025-01-06', '2025-01-19', overrides);

  it('rank beats recency: an older holiday søknad outranks a newer note', () => {
    const bits = [
      s100('2025-01-06', '2025-01-10'),
      fer('2025-01-12', '2025-01-26', { inntruffet: '2025-01-01T00:00:00Z' }),
      s100('2025-01-12', '2025-01-26', { inntruffet: '2025-03-01T00:00:00Z' }),
    ];
    // 01-11 is a working day, so the 15 holiday days after it complete a 16-day gap.
    expect(summary(compute(bits))).toEqual(['2025-01-06–2025-01-10 (5)']);
  });

  it('within a rank the newest inntruffet wins, compared as instants', () => {
    const sickNewer = sickRank9({ ressursId: 'b', inntruffet: '2025-02-01T10:00:00Z' });
    const workingOlder = workingRank9({ ressursId: 'a', inntruffet: '2025-02-01T09:00:00Z' });
    expect(summary(compute([sickNewer, workingOlder]))).toEqual(['2025-01-06–2025-01-19 (14)']);
    // 10:00+02:00 is 08:00Z: older than 09:00Z although it sorts later as text.
    const sickOlder = sickRank9({ ressursId: 'b', inntruffet: '2025-02-01T10:00:00+02:00' });
    expect(compute([sickOlder, workingOlder])).toEqual([]);
  });

  it('ties of rank and inntruffet go to the lowest ressursId, whatever the input order', () => {
    const at = '2025-02-01T10:00:00Z';
    const sickFirst = [sickRank9({ ressursId: 'a', inntruffet: at }), workingRank9({ ressursId: 'b', inntruffet: at })];
    expect(summary(compute(sickFirst))).toEqual(['2025-01-06–2025-01-19 (14)']);
    expect(summary(compute([...sickFirst].reverse()))).toEqual(['2025-01-06–2025-01-19 (14)']);
    const workingFirst = [
      sickRank9({ ressursId: 'b', inntruffet: at }),
      workingRank9({ ressursId: 'a', inntruffet: at }),
    ];
    expect(compute(workingFirst)).toEqual([]);
    expect(compute([...workingFirst].reverse())).toEqual([]);
  });

  it('then to the lowest uuid', () => {
    const same = { ressursId: 'r', inntruffet: '2025-02-01T10:00:00Z' };
    const bits = [sickRank9({ ...same, uuid: 'u2' }), workingRank9({ ...same, uuid: 'u1' })];
    expect(compute(bits)).toEqual([]);
    expect(compute([...bits].reverse())).toEqual([]);
  });

  it('ignores bits whose tags match no rule: SØK+SENDT plus an unranked tag counts for nothing', () => {
    const utdanning = bit(['SYKEPENGESOKNAD', 'SENDT', 'UTDANNING'], '2025-01-20', '2025-02-10');
    expect(compute([utdanning])).toEqual([]);
    // Had it counted like SØK+SENDT (rank 8), the three would be one tilfelle.
    const bits = [s100('2025-01-06', '2025-01-19'), utdanning, s100('2025-02-11', '2025-02-15')];
    expect(summary(compute(bits))).toEqual(['2025-01-06–2025-01-19 (14)', '2025-02-11–2025-02-15 (5)']);
  });
});

describe('day classification (§3.2 step 5, §3.5)', () => {
  it('SØK+SENDT+KORRIGERT_ARBEIDSTID+FULL_AKTIVITET is a sick day; SM+PERIODE+FULL_AKTIVITET is not', () => {
    const korrigertFull = ['SYKEPENGESOKNAD', 'SENDT', 'KORRIGERT_ARBEIDSTID', 'FULL_AKTIVITET'] as const;
    const korrigert = bit(korrigertFull, '2025-01-06', '2025-01-19');
    expect(summary(compute([korrigert]))).toEqual(['2025-01-06–2025-01-19 (14)']);
    expect(compute([sfull('2025-01-06', '2025-01-19')])).toEqual([]);
  });

  it('holiday at one employer while sick at another is a feriedag that, after a working day, lengthens the gap', () => {
    const sickness = [s100('2025-01-06', '2025-01-19'), s100('2025-01-06', '2025-01-19', { orgnr: B })];
    // 01-20 has no bits (a working day); 01-21..02-04 are 15 days of holiday at A while sick at B.
    const afterWork = [...sickness, fer('2025-01-21', '2025-02-04'), s100('2025-01-21', '2025-02-04', { orgnr: B })];
    expect(summary(compute(afterWork))).toEqual(['2025-01-06–2025-01-19 (14)']);
    // Straight after sickness the same holiday extends the tilfelle instead.
    const noWork = [...sickness, fer('2025-01-20', '2025-02-04'), s100('2025-01-20', '2025-02-04', { orgnr: B })];
    expect(summary(compute(noWork))).toEqual(['2025-01-06–2025-02-04 (30)']);
  });

  it('a PERMISJON søknad makes a feriedag like FERIE', () => {
    const permisjon = bit(['SYKEPENGESOKNAD', 'SENDT', 'PERMISJON'], '2025-01-12', '2025-01-26');
    // 01-11 is a working day, so 15 days of leave complete the gap.
    const bits = [s100('2025-01-06', '2025-01-10'), permisjon, s100('2025-01-27', '2025-01-31')];
    expect(summary(compute(bits))).toEqual(['2025-01-06–2025-01-10 (5)', '2025-01-27–2025-01-31 (5)']);
  });

  it('a bit without orgnr is no employer’s: working at A makes an arbeidsdag under a higher-ranked BEKREFTET', () => {
    const reisetilskuddTags = ['SYKMELDING', 'SENDT', 'PERIODE', 'REISETILSKUDD', 'UKJENT_AKTIVITET'] as const;
    const reisetilskudd = bit(reisetilskuddTags, '2025-01-06', '2025-01-19');
    // BEKREFTET (rank 17, sick) is the day's overall winner; A's own top bit (rank 22) is a working bit.
    expect(compute([bekreftet('2025-01-06', '2025-01-19'), reisetilskudd])).toEqual([]);
    expect(summary(compute([bekreftet('2025-01-06', '2025-01-19')]))).toEqual(['2025-01-06–2025-01-19 (14)']);
  });

  it('with no employer bit that day, the overall winner decides', () => {
    const behandlingsdagerTags = ['SYKMELDING', 'BEKREFTET', 'PERIODE', 'BEHANDLINGSDAGER'] as const;
    const behandlingsdager = bit(behandlingsdagerTags, '2025-01-13', '2025-01-19', { orgnr: undefined });
    // Neither bit has an orgnr; rank 17 (INGEN_AKTIVITET) beats the working rank 20 (BEHANDLINGSDAGER).
    expect(summary(compute([bekreftet('2025-01-06', '2025-01-19'), behandlingsdager]))).toEqual([
      '2025-01-06–2025-01-19 (14)',
    ]);
    expect(compute([behandlingsdager])).toEqual([]);
  });
});

describe('scan (§3.2 step 6)', () => {
  it('15 working days merge, 16 split', () => {
    const gapOf = (lastWorkingDay: string, nextSick: string) => [
      s100('2025-01-06', '2025-01-31'),
      ag('2025-01-20', lastWorkingDay),
      s100(nextSick, '2025-02-20'),
    ];
    expect(summary(compute(gapOf('2025-02-03', '2025-02-04')))).toEqual(['2025-01-06–2025-02-20 (31)']);
    expect(summary(compute(gapOf('2025-02-04', '2025-02-05')))).toEqual([
      '2025-01-06–2025-01-19 (14)',
      '2025-02-05–2025-02-20 (16)',
    ]);
  });

  it('ignores holiday and working days before the first sick day', () => {
    expect(summary(compute([fer('2025-01-01', '2025-01-05'), s100('2025-01-06', '2025-01-10')]))).toEqual([
      '2025-01-06–2025-01-10 (5)',
    ]);
    expect(summary(compute([sfull('2024-12-01', '2025-01-05'), s100('2025-01-06', '2025-01-10')]))).toEqual([
      '2025-01-06–2025-01-10 (5)',
    ]);
  });

  it('ends the tilfelle on its last sick day, not at the last bit', () => {
    expect(summary(compute([s100('2025-01-06', '2025-01-10'), sfull('2025-01-11', '2025-01-20')]))).toEqual([
      '2025-01-06–2025-01-10 (5)',
    ]);
  });
});

describe('fields (§3.2 step 7, §3.5)', () => {
  describe('virksomhetsnummerList', () => {
    it('holds the employers of bits covering counted days, sorted', () => {
      const tilfeller = compute([
        s100('2025-01-06', '2025-01-19', { orgnr: C }),
        sfull('2025-01-06', '2025-01-19', { orgnr: B }),
      ]);
      // B's bit is a working bit, but it covers sick days.
      expect(tilfeller[0].virksomhetsnummerList).toEqual([B, C]);
    });

    it('leaves out bits covering only gap days inside the tilfelle', () => {
      const bits = [
        s100('2025-01-06', '2025-01-12'),
        sfull('2025-01-13', '2025-01-20', { orgnr: B }),
        s100('2025-01-21', '2025-01-25'),
      ];
      const tilfeller = compute(bits);
      expect(summary(tilfeller)).toEqual(['2025-01-06–2025-01-25 (12)']);
      expect(tilfeller[0].virksomhetsnummerList).toEqual([A]);
    });

    it('prefers non-NY bits over a NY note’s employer', () => {
      const bits = [s100('2025-01-06', '2025-01-19'), ny('2025-01-06', '2025-01-19')];
      expect(compute(bits, { arbeidsforhold: ALWAYS_EMPLOYED_AT(B) })[0].virksomhetsnummerList).toEqual([A]);
    });
  });

  describe('arbeidstakerAtTilfelleEnd', () => {
    it('is false when only BEKREFTET notes count', () => {
      expect(compute([bekreftet('2025-01-06', '2025-01-19')])[0].arbeidstakerAtTilfelleEnd).toBe(false);
    });

    it('is true when a SENDT note follows a BEKREFTET one', () => {
      const bits = [bekreftet('2025-01-06', '2025-01-12'), s100('2025-01-13', '2025-01-19')];
      expect(compute(bits)[0]).toMatchObject({ arbeidstakerAtTilfelleEnd: true, virksomhetsnummerList: [A] });
    });

    it('is false when the last winner has no orgnr', () => {
      const bits = [s100('2025-01-06', '2025-01-12'), bekreftet('2025-01-13', '2025-01-19')];
      expect(compute(bits)[0].arbeidstakerAtTilfelleEnd).toBe(false);
    });

    it('an inntektsmelding, like SENDT, lifts the BEKREFTET test', () => {
      const bits = [bekreftet('2025-01-06', '2025-01-20'), im('2025-01-10', '2025-01-25')];
      expect(compute(bits)[0].arbeidstakerAtTilfelleEnd).toBe(true);
    });

    it('runs the BEKREFTET test over counted days only', () => {
      const bits = [
        bekreftet('2025-01-06', '2025-01-19'),
        sfull('2025-01-20', '2025-01-25'),
        ny('2025-01-26', '2025-02-01'),
      ];
      const tilfeller = compute(bits, { arbeidsforhold: ALWAYS_EMPLOYED_AT(A) });
      // The SENDT working bit covers only gap days, so it neither lifts the test nor adds A to the list.
      expect(tilfeller).toEqual([
        {
          start: '2025-01-06',
          end: '2025-02-01',
          antallSykedager: 21,
          virksomhetsnummerList: [],
          arbeidstakerAtTilfelleEnd: false,
          gradertAtTilfelleEnd: false,
        },
      ]);
    });
  });

  describe('gradertAtTilfelleEnd', () => {
    const gradertAtEnd = (bits: Bit[]) => compute(bits)[0].gradertAtTilfelleEnd;

    it('skips a holiday winner on the last day', () => {
      const tilfeller = compute([sgr('2025-01-06', '2025-01-19'), fer('2025-01-13', '2025-01-19')]);
      expect(summary(tilfeller)).toEqual(['2025-01-06–2025-01-19 (14)']);
      expect(tilfeller[0].gradertAtTilfelleEnd).toBe(true);
    });

    it('100 % at one employer beats graded at another', () => {
      const gradedAtB = sgr('2025-01-06', '2025-01-19', { orgnr: B });
      expect(gradertAtEnd([s100('2025-01-06', '2025-01-19'), gradedAtB])).toBe(false);
      expect(gradertAtEnd([sgr('2025-01-06', '2025-01-19'), gradedAtB])).toBe(true);
    });

    it('looks at the last counted day only', () => {
      expect(gradertAtEnd([sgr('2025-01-06', '2025-01-12'), s100('2025-01-13', '2025-01-19')])).toBe(false);
      expect(gradertAtEnd([s100('2025-01-06', '2025-01-12'), sgr('2025-01-13', '2025-01-19')])).toBe(true);
    });

    it('a tilfelle ending on a single treatment day is graded', () => {
      const tilfeller = compute([s100('2025-01-06', '2025-01-17'), sokBehandlingsdag('2025-01-20', '2025-01-20')]);
      expect(summary(tilfeller)).toEqual(['2025-01-06–2025-01-20 (13)']);
      expect(tilfeller[0].gradertAtTilfelleEnd).toBe(true);
    });
  });
});
