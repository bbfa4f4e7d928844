import {
  MILESTONE_PROFILES,
  MilestoneProfileSchema,
  PILOT_MILESTONES,
  milestoneProfileRef,
  resolveMilestoneProfile,
} from './milestone-profile.config';
import { MILESTONE_TYPES } from './milestone.types';

/** Takes `unknown` like the schema does, so refused shapes need no casts. */
function issuesOf(input: unknown) {
  const result = MilestoneProfileSchema.safeParse(input);
  if (result.success) throw new Error('expected the profile to be refused');
  return result.error.issues.map(({ path, message }) => ({ path: path.join('.'), message }));
}

describe('milestone profile defaults are the handbook dates (§2.1, §2.2)', () => {
  const { milestones } = MilestoneProfileSchema.parse({ id: 'bare', version: 1 });

  it('deadline weeks: plan 4 w, DM1 7 w, employer report 9 w, no-employer follow-up 12 w, DM2 26 w', () => {
    expect(milestones.OPPFOLGINGSPLAN.deadlineWeek).toBe(4);
    expect(milestones.DIALOGMOTE_1.deadlineWeek).toBe(7);
    expect(milestones.EMPLOYER_REPORT_9W.deadlineWeek).toBe(9);
    expect(milestones.NO_EMPLOYER_FOLLOW_UP.deadlineWeek).toBe(12);
    expect(milestones.DIALOGMOTE_2.deadlineWeek).toBe(26);
  });

  it('stoppunkter: 6 w at start + 42, VV screening and aktivitetskrav at week 8, no-employer candidate at start + 28', () => {
    expect(milestones.STOPPUNKT_6W.stoppunktDay).toBe(42);
    expect(milestones.VV_SCREENING_8W.stoppunktWeek).toBe(8);
    expect(milestones.AKTIVITETSKRAV.stoppunktWeek).toBe(8);
    expect(milestones.NO_EMPLOYER_FOLLOW_UP.candidateDay).toBe(28);
  });

  it('§6.1: dialogmøtekandidat at start + 119, visible 7 days later; 39-week letter on sick day 274; maksdato estimate 52 w', () => {
    expect(milestones.DIALOGMOTEKANDIDAT).toMatchObject({ stoppunktDay: 119, visibleAfterDays: 7 });
    expect(milestones.LETTER_39W.sickDay).toBe(39 * 7 + 1);
    expect(milestones.MAKSDATO.estimateWeek).toBe(52);
  });

  it('pilot stoppunkter are off unless a profile turns them on; Sunnfjord 6 w is for 100 % only (§4.3)', () => {
    expect(milestones.STOPPUNKT_6W).toMatchObject({ enabled: false, grades: 'FULL_SICK_LEAVE_ONLY' });
    expect(milestones.VV_SCREENING_8W).toMatchObject({ enabled: false, grades: 'ALL' });
  });

  it('legal milestones are on at every grade', () => {
    for (const type of MILESTONE_TYPES.filter((candidate) => !PILOT_MILESTONES.has(candidate))) {
      expect(milestones[type]).toMatchObject({ enabled: true, grades: 'ALL' });
    }
  });
});

describe('§2.2 Profiles: legal milestones cannot be switched off', () => {
  it('refuses a profile that turns off the oppfølgingsplan, naming the field and the rule', () => {
    expect(issuesOf({ id: 'bad', version: 1, milestones: { OPPFOLGINGSPLAN: { enabled: false } } })).toEqual([
      {
        path: 'milestones.OPPFOLGINGSPLAN.enabled',
        message:
          'LEGAL_MILESTONE_ALWAYS_ON: OPPFOLGINGSPLAN is a legal milestone and cannot be switched off (handbook §2.2 Profiles)',
      },
    ]);
  });

  it('refuses a grade filter on a legal milestone (aktivitetskrav is auto-fulfilled when graded, not filtered out)', () => {
    expect(
      issuesOf({ id: 'bad', version: 1, milestones: { AKTIVITETSKRAV: { grades: 'FULL_SICK_LEAVE_ONLY' } } }),
    ).toEqual([
      {
        path: 'milestones.AKTIVITETSKRAV.grades',
        message:
          'LEGAL_MILESTONE_ALL_GRADES: AKTIVITETSKRAV is a legal milestone and applies at every grade (handbook §2.2 Profiles)',
      },
    ]);
  });

  it('accepts a legal milestone explicitly left on', () => {
    expect(
      MilestoneProfileSchema.safeParse({ id: 'ok', version: 1, milestones: { DIALOGMOTE_2: { enabled: true } } })
        .success,
    ).toBe(true);
  });

  it('may switch a pilot stoppunkt on or off and change its grade filter', () => {
    const parsed = MilestoneProfileSchema.parse({
      id: 'pilot',
      version: 2,
      milestones: { STOPPUNKT_6W: { enabled: true, grades: 'ALL' }, VV_SCREENING_8W: { enabled: false } },
    });
    expect(parsed.milestones.STOPPUNKT_6W).toMatchObject({ enabled: true, grades: 'ALL' });
    expect(parsed.milestones.VV_SCREENING_8W.enabled).toBe(false);
  });

  it('refuses unknown keys, so a misspelt setting is not silently ignored', () => {
    expect(issuesOf({ id: 'typo', version: 1, milestones: { STOPPUNKT_6W: { enabeld: true } } })).toEqual([
      { path: 'milestones.STOPPUNKT_6W', message: 'Unrecognized key: "enabeld"' },
    ]);
  });

  it('refuses a no-employer candidate day after the week-12 deadline (start + 83)', () => {
    expect(
      MilestoneProfileSchema.safeParse({
        id: 'ok',
        version: 1,
        milestones: { NO_EMPLOYER_FOLLOW_UP: { candidateDay: 83 } },
      }).success,
    ).toBe(true);
    expect(issuesOf({ id: 'late', version: 1, milestones: { NO_EMPLOYER_FOLLOW_UP: { candidateDay: 84 } } })).toEqual([
      {
        path: 'milestones.NO_EMPLOYER_FOLLOW_UP.candidateDay',
        message: 'DUE_FROM_NOT_AFTER_DEADLINE: the no-employer candidate day must not fall after the week-12 deadline',
      },
    ]);
  });

  it('refuses a malformed id and version', () => {
    expect(issuesOf({ id: 'Vest Viken', version: 0 }).map(({ path }) => path)).toEqual(['id', 'version']);
  });
});

describe('built-in profiles and resolveMilestoneProfile (id@version)', () => {
  it('holds standard@1, vest-viken@1 and vestland-sunnfjord@1, keyed by their own id and version', () => {
    expect([...MILESTONE_PROFILES.keys()]).toEqual(['standard@1', 'vest-viken@1', 'vestland-sunnfjord@1']);
    for (const [ref, profile] of MILESTONE_PROFILES) expect(milestoneProfileRef(profile)).toBe(ref);
  });

  it('standard@1 has only the legal milestones', () => {
    const { milestones } = resolveMilestoneProfile('standard@1');
    expect(MILESTONE_TYPES.filter((type) => milestones[type].enabled)).toEqual(
      MILESTONE_TYPES.filter((type) => type !== 'STOPPUNKT_6W' && type !== 'VV_SCREENING_8W'),
    );
  });

  it('vest-viken@1 turns on VV_SCREENING_8W only; vestland-sunnfjord@1 STOPPUNKT_6W only', () => {
    const vestViken = resolveMilestoneProfile('vest-viken@1').milestones;
    const sunnfjord = resolveMilestoneProfile('vestland-sunnfjord@1').milestones;
    expect([vestViken.VV_SCREENING_8W.enabled, vestViken.STOPPUNKT_6W.enabled]).toEqual([true, false]);
    expect([sunnfjord.VV_SCREENING_8W.enabled, sunnfjord.STOPPUNKT_6W.enabled]).toEqual([false, true]);
  });

  it('rejects an unknown id, listing the known profiles', () => {
    expect(() => resolveMilestoneProfile('nordland@1')).toThrow(
      "Unknown milestone profile id 'nordland' (known: standard@1, vest-viken@1, vestland-sunnfjord@1)",
    );
  });

  it('rejects an unknown version of a known id, listing its versions', () => {
    expect(() => resolveMilestoneProfile('vest-viken@2')).toThrow(
      "Unknown version 2 of milestone profile 'vest-viken' (known: vest-viken@1)",
    );
  });

  it('rejects a reference that is not id@version', () => {
    expect(() => resolveMilestoneProfile('standard')).toThrow(
      "Milestone profile reference 'standard' is not of the form id@version",
    );
  });
});
