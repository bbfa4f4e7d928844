import { addDays } from '@syfo/local-date';
import {
  EXEMPTION_REASON_CODES,
  dialogmotekandidatStoppunkt,
  nextChange,
  validateExemption,
} from './milestone.calculator';
import {
  STANDARD,
  SUNNFJORD,
  VEST_VIKEN,
  calendar,
  completion,
  exemption,
  milestone,
  tilfelle,
  type Scenario,
} from './milestone.fixtures';
import { MILESTONE_TYPES, type MilestoneType } from './milestone.types';

// All dates below are for the handbook's fixture tilfelle from Monday 2025-01-06 (S); S + 25 is 2025-01-31,
// S + 53 is 2025-02-28, S + 84 is 2025-03-31, S + 175 is 2025-06-30 and S + 365 is 2026-01-06.

describe('§2.1 fixture table: a continuous tilfelle from Monday 2025-01-06', () => {
  const today = '2025-01-06';

  it.each<[string, MilestoneType, 'dueFrom' | 'deadline', string, Scenario]>([
    ['oppfølgingsplan deadline (start + 4w − 1)', 'OPPFOLGINGSPLAN', 'deadline', '2025-02-02', {}],
    ['6-week stoppunkt (start + 42)', 'STOPPUNKT_6W', 'dueFrom', '2025-02-17', { profile: SUNNFJORD }],
    ['DM1 deadline (start + 7w − 1)', 'DIALOGMOTE_1', 'deadline', '2025-02-23', {}],
    ['aktivitetskrav stoppunkt (start + 8w − 1)', 'AKTIVITETSKRAV', 'dueFrom', '2025-03-02', {}],
    ['DM2 candidate visible (start + 119 + 7)', 'DIALOGMOTEKANDIDAT', 'dueFrom', '2025-05-12', {}],
    ['DM2 deadline (start + 26w − 1)', 'DIALOGMOTE_2', 'deadline', '2025-07-06', {}],
    ['39-week letter (274th sick day = start + 273)', 'LETTER_39W', 'dueFrom', '2025-10-06', {}],
  ])('%s is %s', (_rule, type, field, date, scenario) => {
    expect(milestone(type, today, scenario)[field]).toBe(date);
  });

  it('DM2 candidate stoppunkt (start + 119) is 2025-05-05', () => {
    expect(dialogmotekandidatStoppunkt(tilfelle(), STANDARD, today)).toBe('2025-05-05');
  });
});

describe('§2.2 notice windows: UPCOMING before dueFrom, DUE through the deadline, OVERDUE after it', () => {
  describe.each<[MilestoneType, string, string, Scenario]>([
    // deadline S + 27, due a week before
    ['OPPFOLGINGSPLAN', '2025-01-26', '2025-02-02', {}],
    // deadline S + 48, due two weeks before
    ['DIALOGMOTE_1', '2025-02-09', '2025-02-23', {}],
    // S + 42, a week to handle
    ['STOPPUNKT_6W', '2025-02-17', '2025-02-24', { profile: SUNNFJORD }],
    // S + 55, a week to send
    ['VV_SCREENING_8W', '2025-03-02', '2025-03-09', { profile: VEST_VIKEN }],
    // stoppunktAt S + 55, two weeks for the vurdering
    ['AKTIVITETSKRAV', '2025-03-02', '2025-03-16', {}],
    // deadline S + 62, due a week before
    ['EMPLOYER_REPORT_9W', '2025-03-02', '2025-03-09', {}],
    // candidate S + 28, deadline S + 83
    ['NO_EMPLOYER_FOLLOW_UP', '2025-02-03', '2025-03-30', { tilfelle: { arbeidstakerAtTilfelleEnd: false } }],
    // visible S + 126, invitation a week before the DM2 deadline: S + 181 − 7 = S + 174
    ['DIALOGMOTEKANDIDAT', '2025-05-12', '2025-06-29', {}],
    // due from the candidate's visibility, deadline S + 181
    ['DIALOGMOTE_2', '2025-05-12', '2025-07-06', {}],
    // S + 273, a week to send
    ['LETTER_39W', '2025-10-06', '2025-10-13', {}],
    // estimated maksdato S + 363, due four weeks before
    ['MAKSDATO', '2025-12-07', '2026-01-04', {}],
  ])('%s due from %s, deadline %s', (type, dueFrom, deadline, scenario) => {
    it('the day before dueFrom: UPCOMING, next change on dueFrom', () => {
      expect(milestone(type, addDays(dueFrom, -1), scenario)).toMatchObject({
        dueFrom,
        deadline,
        state: 'UPCOMING',
        nextChangeOn: dueFrom,
      });
    });

    it('on dueFrom: DUE, next change the day after the deadline', () => {
      expect(milestone(type, dueFrom, scenario)).toMatchObject({ state: 'DUE', nextChangeOn: addDays(deadline, 1) });
    });

    it('on the deadline: still DUE', () => {
      expect(milestone(type, deadline, scenario)).toMatchObject({ state: 'DUE', nextChangeOn: addDays(deadline, 1) });
    });

    it('the day after the deadline: OVERDUE, no further change by time', () => {
      expect(milestone(type, addDays(deadline, 1), scenario)).toMatchObject({ state: 'OVERDUE', nextChangeOn: null });
    });
  });
});

describe('profiles: one milestone per type the profile has, in the §2.2 timeline order', () => {
  const typesOf = (scenario: Scenario) => Object.keys(calendar('2025-01-06', scenario));
  const legal = MILESTONE_TYPES.filter((type) => type !== 'STOPPUNKT_6W' && type !== 'VV_SCREENING_8W');

  it('standard@1: the legal milestones only', () => {
    expect(typesOf({})).toEqual(legal);
    expect(legal).toHaveLength(9);
  });

  it('vest-viken@1 adds VV_SCREENING_8W after DM1, marked not legal', () => {
    expect(typesOf({ profile: VEST_VIKEN })).toEqual([
      'OPPFOLGINGSPLAN',
      'DIALOGMOTE_1',
      'VV_SCREENING_8W',
      ...legal.slice(2),
    ]);
    expect(milestone('VV_SCREENING_8W', '2025-01-06', { profile: VEST_VIKEN })).toMatchObject({
      legal: false,
      actor: 'NAV',
    });
  });

  it('vestland-sunnfjord@1 adds STOPPUNKT_6W after DM1', () => {
    expect(typesOf({ profile: SUNNFJORD })).toEqual([
      'OPPFOLGINGSPLAN',
      'DIALOGMOTE_1',
      'STOPPUNKT_6W',
      ...legal.slice(2),
    ]);
  });

  it('legal milestones are marked legal, with the actor who must act', () => {
    const milestones = calendar('2025-01-06');
    expect(milestones.OPPFOLGINGSPLAN).toMatchObject({
      legal: true,
      actor: 'EMPLOYER_AND_EMPLOYEE',
      dateSource: 'COMPUTED',
    });
    expect(milestones.DIALOGMOTE_1).toMatchObject({ legal: true, actor: 'EMPLOYER' });
    expect(milestones.DIALOGMOTE_2).toMatchObject({ legal: true, actor: 'NAV' });
    expect(milestones.MAKSDATO).toMatchObject({ legal: true, actor: 'BENEFIT_SYSTEM' });
  });
});

describe('graded versus 100 % sick leave', () => {
  const graded = { tilfelle: { gradertAtTilfelleEnd: true } };

  it('§6.3: aktivitetskrav graded at the tilfelle end is AUTOMATISK_OPPFYLT (DONE, nothing left to do)', () => {
    expect(milestone('AKTIVITETSKRAV', '2025-03-05', graded)).toMatchObject({
      state: 'DONE',
      stateReason: 'AUTOMATISK_OPPFYLT',
      completion: null,
      nextChangeOn: null,
    });
  });

  it('§6.3: aktivitetskrav at 100 % is DUE from the stoppunkt', () => {
    expect(milestone('AKTIVITETSKRAV', '2025-03-05')).toMatchObject({ state: 'DUE', stateReason: null });
  });

  it('§6.3: graded but under 8 sick weeks has no krav at all (NOT_APPLICABLE, not auto-fulfilled)', () => {
    const scenario = { tilfelle: { end: '2025-02-28', gradertAtTilfelleEnd: true } }; // 54 sick days
    expect(milestone('AKTIVITETSKRAV', '2025-03-05', scenario)).toMatchObject({
      state: 'NOT_APPLICABLE',
      stateReason: 'TOO_FEW_SICK_DAYS',
    });
  });

  it('§4.3: the Sunnfjord 6-week stoppunkt is not applicable when graded', () => {
    expect(milestone('STOPPUNKT_6W', '2025-02-17', { ...graded, profile: SUNNFJORD })).toMatchObject({
      state: 'NOT_APPLICABLE',
      stateReason: 'GRADED',
      nextChangeOn: null,
    });
  });

  it('§4.3: the Sunnfjord 6-week stoppunkt is DUE at 100 %', () => {
    expect(milestone('STOPPUNKT_6W', '2025-02-17', { profile: SUNNFJORD }).state).toBe('DUE');
  });

  it('§4.2: the Vest-Viken screening applies at every grade', () => {
    expect(milestone('VV_SCREENING_8W', '2025-03-02', { ...graded, profile: VEST_VIKEN }).state).toBe('DUE');
  });

  it('§2.2: the oppfølgingsplan and DM1 still apply when graded', () => {
    const milestones = calendar('2025-02-09', graded);
    expect([milestones.OPPFOLGINGSPLAN?.state, milestones.DIALOGMOTE_1?.state]).toEqual(['OVERDUE', 'DUE']);
  });
});

describe('§6.3 aktivitetskrav: created when floor(antallSykedager / 7) ≥ 8, counting sick days, not calendar weeks', () => {
  // The tilfelle runs to S + 83 (2025-03-30) in every case: far past the stoppunkt at S + 55, but with gap days.
  it('55 sick days (7 whole weeks): NOT_APPLICABLE', () => {
    expect(
      milestone('AKTIVITETSKRAV', '2025-03-05', { tilfelle: { end: '2025-03-30', antallSykedager: 55 } }),
    ).toMatchObject({
      state: 'NOT_APPLICABLE',
      stateReason: 'TOO_FEW_SICK_DAYS',
    });
  });

  it('56 sick days (8 whole weeks): the krav applies, stoppunktAt still start + 8w − 1', () => {
    expect(
      milestone('AKTIVITETSKRAV', '2025-03-05', { tilfelle: { end: '2025-03-30', antallSykedager: 56 } }),
    ).toMatchObject({
      state: 'DUE',
      dueFrom: '2025-03-02',
    });
  });

  it('future sick days count: a note covering days to 2025-03-02 makes it UPCOMING on 2025-02-01', () => {
    expect(milestone('AKTIVITETSKRAV', '2025-02-01', { tilfelle: { end: '2025-03-02' } })).toMatchObject({
      state: 'UPCOMING',
      nextChangeOn: '2025-03-02',
    });
  });
});

describe('a changed tilfelle is computed again from the new facts', () => {
  const planDone = { completions: [completion('OPPFOLGINGSPLAN', '2025-01-30')] };

  it('a milestone DONE stays DONE when the tilfelle is later extended', () => {
    const before = calendar('2025-02-05', { ...planDone, tilfelle: { end: '2025-02-05' } });
    const after = calendar('2025-02-05', { ...planDone, tilfelle: { end: '2025-08-31' } });
    expect(before.OPPFOLGINGSPLAN).toMatchObject({
      state: 'DONE',
      completion: planDone.completions[0],
      nextChangeOn: null,
    });
    expect(after.OPPFOLGINGSPLAN).toMatchObject({
      state: 'DONE',
      completion: planDone.completions[0],
      nextChangeOn: null,
    });
    // The extension makes DM1 (S + 48) reachable: no longer NOT_APPLICABLE.
    expect([before.DIALOGMOTE_1?.state, after.DIALOGMOTE_1?.state]).toEqual(['NOT_APPLICABLE', 'UPCOMING']);
  });

  it('a completion stays DONE even when the tilfelle is shortened below its date (it happened)', () => {
    expect(milestone('OPPFOLGINGSPLAN', '2025-02-05', { ...planDone, tilfelle: { end: '2025-01-31' } }).state).toBe(
      'DONE',
    );
  });

  it('§2.2 Applicability: shortened so DM1 (2025-02-23) is no longer reached makes it NOT_APPLICABLE', () => {
    expect(milestone('DIALOGMOTE_1', '2025-02-10', { tilfelle: { end: '2025-03-31' } })).toMatchObject({
      state: 'DUE',
      nextChangeOn: '2025-02-24',
    });
    expect(milestone('DIALOGMOTE_1', '2025-02-10', { tilfelle: { end: '2025-02-22' } })).toMatchObject({
      state: 'NOT_APPLICABLE',
      stateReason: 'TILFELLE_ENDS_BEFORE',
      nextChangeOn: null,
    });
  });

  it('§2.2 Applicability: end ≥ date, so a tilfelle ending on the DM1 deadline reaches it', () => {
    expect(milestone('DIALOGMOTE_1', '2025-02-10', { tilfelle: { end: '2025-02-23' } }).state).toBe('DUE');
  });

  it('§2.2 Applicability: the plan (2025-02-02) is not reached by a tilfelle ending 2025-02-01', () => {
    expect(milestone('OPPFOLGINGSPLAN', '2025-01-28', { tilfelle: { end: '2025-02-01' } }).stateReason).toBe(
      'TILFELLE_ENDS_BEFORE',
    );
    expect(milestone('OPPFOLGINGSPLAN', '2025-01-28', { tilfelle: { end: '2025-02-02' } }).state).toBe('DUE');
  });
});

describe('§2.2 persons without an employer (arbeidstakerAtTilfelleEnd false)', () => {
  const noEmployer = { tilfelle: { arbeidstakerAtTilfelleEnd: false, virksomhetsnummerList: [] } };

  it('NO_EMPLOYER_FOLLOW_UP applies; the employer milestones and the DM2 candidacy do not', () => {
    const milestones = calendar('2025-02-10', noEmployer);
    expect(milestones.NO_EMPLOYER_FOLLOW_UP).toMatchObject({ state: 'DUE', actor: 'NAV' });
    for (const type of [
      'OPPFOLGINGSPLAN',
      'DIALOGMOTE_1',
      'EMPLOYER_REPORT_9W',
      'DIALOGMOTEKANDIDAT',
      'DIALOGMOTE_2',
    ] as const) {
      expect(milestones[type]).toMatchObject({ state: 'NOT_APPLICABLE', stateReason: 'NOT_ARBEIDSTAKER' });
    }
  });

  it('aktivitetskrav applies with or without an employer (ftrl § 8-8)', () => {
    expect(milestone('AKTIVITETSKRAV', '2025-02-10', noEmployer).state).toBe('UPCOMING');
  });

  it('NO_EMPLOYER_FOLLOW_UP is NOT_APPLICABLE for a person with an employer', () => {
    expect(milestone('NO_EMPLOYER_FOLLOW_UP', '2025-02-10')).toMatchObject({
      state: 'NOT_APPLICABLE',
      stateReason: 'ARBEIDSTAKER',
    });
  });

  it('the candidate date start + 28 (2025-02-03) must be reached: end 2025-02-02 is not enough, 2025-02-03 is', () => {
    const endingOn = (end: string) => ({ tilfelle: { ...noEmployer.tilfelle, end } });
    expect(milestone('NO_EMPLOYER_FOLLOW_UP', '2025-02-10', endingOn('2025-02-02')).stateReason).toBe(
      'TILFELLE_ENDS_BEFORE',
    );
    expect(milestone('NO_EMPLOYER_FOLLOW_UP', '2025-02-10', endingOn('2025-02-03')).state).toBe('DUE');
  });
});

describe('§6.1 dialogmøtekandidat and dialogmøte 2', () => {
  const longTilfelle = tilfelle({ end: '2025-08-31' });

  describe('stoppunkt date: start + 119, replaced by the arrival day when start + 119 < arrival < end (late note)', () => {
    it.each([
      ['before the date', '2025-04-01', '2025-05-05'],
      ['on the date (not after it)', '2025-05-05', '2025-05-05'],
      ['after the date while the tilfelle runs', '2025-06-01', '2025-06-01'],
      ['on the tilfelle end (not before it)', '2025-08-31', '2025-05-05'],
    ])('facts arriving %s (%s) give %s', (_when, receivedOn, expected) => {
      expect(dialogmotekandidatStoppunkt(longTilfelle, STANDARD, receivedOn)).toBe(expected);
    });
  });

  it('a late stoppunkt (2025-06-01) is visible 7 days later and marked LATE_NOTE; DM2 keeps its legal deadline', () => {
    const milestones = calendar('2025-06-01', {
      tilfelle: { end: '2025-08-31' },
      dialogmotekandidatStoppunkt: '2025-06-01',
    });
    expect(milestones.DIALOGMOTEKANDIDAT).toMatchObject({
      dueFrom: '2025-06-08',
      deadline: '2025-06-29',
      state: 'UPCOMING',
      stateReason: 'LATE_NOTE',
      nextChangeOn: '2025-06-08',
    });
    expect(milestones.DIALOGMOTE_2).toMatchObject({ dueFrom: '2025-06-08', deadline: '2025-07-06', state: 'UPCOMING' });
  });

  it('the pinned late stoppunkt does not move with later recomputations: DUE on 2025-06-10', () => {
    const scenario = { tilfelle: { end: '2025-08-31' }, dialogmotekandidatStoppunkt: '2025-06-01' };
    expect(milestone('DIALOGMOTEKANDIDAT', '2025-06-10', scenario)).toMatchObject({
      dueFrom: '2025-06-08',
      state: 'DUE',
    });
  });

  it('without a pinned date the calculator uses start + 119, so an ongoing tilfelle past day 119 is DUE, not postponed', () => {
    expect(milestone('DIALOGMOTEKANDIDAT', '2025-06-01', { tilfelle: { end: '2025-08-31' } })).toMatchObject({
      dueFrom: '2025-05-12',
      state: 'DUE',
      stateReason: null,
    });
  });

  it('a candidate later than a week before the DM2 deadline is due at once; DM2 is then due by its fixed deadline', () => {
    // Stoppunkt 2025-07-01 → visible 2025-07-08, past the invitation deadline 2025-06-29 and the DM2 deadline 2025-07-06.
    const scenario = { tilfelle: { end: '2025-09-30' }, dialogmotekandidatStoppunkt: '2025-07-01' };
    expect(milestone('DIALOGMOTEKANDIDAT', '2025-07-07', scenario)).toMatchObject({
      dueFrom: '2025-07-08',
      deadline: '2025-07-08',
      state: 'UPCOMING',
    });
    expect(milestone('DIALOGMOTE_2', '2025-07-07', scenario)).toMatchObject({
      dueFrom: '2025-07-06',
      deadline: '2025-07-06',
      state: 'OVERDUE',
    });
  });

  it('§2.2: DM2 exists exactly when the person is a candidate: end 2025-05-04 is not, 2025-05-05 is', () => {
    const endingOn = (end: string) => calendar('2025-05-12', { tilfelle: { end } });
    expect(endingOn('2025-05-04').DIALOGMOTE_2).toMatchObject({
      state: 'NOT_APPLICABLE',
      stateReason: 'TILFELLE_ENDS_BEFORE',
    });
    expect(endingOn('2025-05-04').DIALOGMOTEKANDIDAT).toMatchObject({
      state: 'NOT_APPLICABLE',
      stateReason: 'TILFELLE_ENDS_BEFORE',
    });
    // A candidate on 2025-05-05 needs DM2 even though the tilfelle ends before week 26.
    expect(endingOn('2025-05-05').DIALOGMOTE_2).toMatchObject({ state: 'DUE', deadline: '2025-07-06' });
    expect(endingOn('2025-05-05').DIALOGMOTEKANDIDAT?.state).toBe('DUE');
  });

  it('a pinned late stoppunkt the shortened tilfelle no longer reaches ends the candidacy', () => {
    const scenario = { tilfelle: { end: '2025-05-31' }, dialogmotekandidatStoppunkt: '2025-06-01' };
    expect(milestone('DIALOGMOTE_2', '2025-06-10', scenario)).toMatchObject({
      state: 'NOT_APPLICABLE',
      stateReason: 'TILFELLE_ENDS_BEFORE',
    });
  });

  it('§5.1: a held dialogmøte 2 settles the candidacy too', () => {
    const held = completion('DIALOGMOTE_2', '2025-05-20');
    const milestones = calendar('2025-05-25', { completions: [held] });
    expect(milestones.DIALOGMOTE_2).toMatchObject({ state: 'DONE', completion: held });
    expect(milestones.DIALOGMOTEKANDIDAT).toMatchObject({ state: 'DONE', completion: held, nextChangeOn: null });
  });

  it('§5.1: an unntak from dialogmøte 2 settles the candidacy too', () => {
    const unntak = exemption('DIALOGMOTE_2', 'FORVENTET_FRISKMELDING_INNEN_28UKER');
    const milestones = calendar('2025-05-25', { exemptions: [unntak] });
    expect(milestones.DIALOGMOTE_2).toMatchObject({
      state: 'EXEMPT',
      stateReason: 'FORVENTET_FRISKMELDING_INNEN_28UKER',
    });
    expect(milestones.DIALOGMOTEKANDIDAT).toMatchObject({ state: 'EXEMPT', exemption: unntak });
  });
});

describe('§2.1 39-week letter on the 274th sick day (39 × 7 + 1)', () => {
  it('273 sick days never reach it: NOT_APPLICABLE', () => {
    expect(milestone('LETTER_39W', '2025-10-01', { tilfelle: { end: '2025-10-05' } })).toMatchObject({
      state: 'NOT_APPLICABLE',
      stateReason: 'TOO_FEW_SICK_DAYS',
    });
  });

  it('274 continuous sick days: start + 273 = 2025-10-06, computed exactly', () => {
    expect(milestone('LETTER_39W', '2025-10-06', { tilfelle: { end: '2025-10-06' } })).toMatchObject({
      dueFrom: '2025-10-06',
      dateSource: 'COMPUTED',
      state: 'DUE',
    });
  });

  it('with gap days the date is estimated as the latest it can be: end − (antallSykedager − 274)', () => {
    // 2025-01-06..2025-10-16 is 284 calendar days; 280 sick days leave 4 gap days: 2025-10-16 − 6 = 2025-10-10.
    expect(
      milestone('LETTER_39W', '2025-10-01', { tilfelle: { end: '2025-10-16', antallSykedager: 280 } }),
    ).toMatchObject({
      dueFrom: '2025-10-10',
      dateSource: 'ESTIMATED',
    });
    // Exactly 274 sick days: the 274th is the tilfelle's last day.
    expect(
      milestone('LETTER_39W', '2025-10-01', { tilfelle: { end: '2025-10-16', antallSykedager: 274 } }).dueFrom,
    ).toBe('2025-10-16');
  });
});

describe('§2.2 maksdato comes from the benefit system, never computed when known', () => {
  it('from the benefit system: its date, due four weeks before', () => {
    expect(milestone('MAKSDATO', '2025-11-17', { maksdato: '2025-12-15' })).toMatchObject({
      deadline: '2025-12-15',
      dueFrom: '2025-11-17',
      dateSource: 'BENEFIT_SYSTEM',
      state: 'DUE',
    });
  });

  it('unknown: estimated as start + 52w − 1 = 2026-01-04', () => {
    expect(milestone('MAKSDATO', '2025-11-17')).toMatchObject({
      deadline: '2026-01-04',
      dateSource: 'ESTIMATED',
      state: 'UPCOMING',
    });
  });

  it('a tilfelle ending the day before maksdato never reaches it', () => {
    expect(milestone('MAKSDATO', '2025-11-17', { maksdato: '2025-12-15', tilfelle: { end: '2025-12-14' } }).state).toBe(
      'NOT_APPLICABLE',
    );
    expect(milestone('MAKSDATO', '2025-11-17', { maksdato: '2025-12-15', tilfelle: { end: '2025-12-15' } }).state).toBe(
      'DUE',
    );
  });
});

describe('§2.2 Exemptions: reason codes per milestone', () => {
  it.each<[MilestoneType, string]>([
    ['OPPFOLGINGSPLAN', 'AAPENBART_UNODVENDIG'],
    ['DIALOGMOTE_1', 'AAPENBART_UNODVENDIG'],
    ['DIALOGMOTE_2', 'AAPENBART_UNODVENDIG'],
    ['DIALOGMOTE_2', 'MEDISINSKE_GRUNNER'],
    ['DIALOGMOTE_2', 'INNLEGGELSE_INSTITUSJON'],
    ['DIALOGMOTE_2', 'FORVENTET_FRISKMELDING_INNEN_28UKER'],
    ['DIALOGMOTE_2', 'DOKUMENTERT_TILTAK_FRISKMELDING'],
    ['AKTIVITETSKRAV', 'MEDISINSKE_GRUNNER'],
    ['AKTIVITETSKRAV', 'TILRETTELEGGING_IKKE_MULIG'],
    ['AKTIVITETSKRAV', 'SJOMENN_UTENRIKS'],
  ])('%s may be exempted for %s', (type, reasonCode) => {
    expect(validateExemption(exemption(type, reasonCode))).toEqual({ ok: true });
  });

  it('AAPENBART_UNODVENDIG is allowed for exactly the plan, DM1 and DM2', () => {
    expect(MILESTONE_TYPES.filter((type) => EXEMPTION_REASON_CODES[type].includes('AAPENBART_UNODVENDIG'))).toEqual([
      'OPPFOLGINGSPLAN',
      'DIALOGMOTE_1',
      'DIALOGMOTE_2',
    ]);
  });

  it.each<[MilestoneType, string, string, string, string]>([
    ['AKTIVITETSKRAV', 'AAPENBART_UNODVENDIG', 'Begrunnelse', 'reasonCode', 'AAPENBART_UNODVENDIG_ONLY_PLAN_DM1_DM2'],
    ['OPPFOLGINGSPLAN', 'MEDISINSKE_GRUNNER', 'Begrunnelse', 'reasonCode', 'REASON_CODE_ALLOWED_FOR_MILESTONE'],
    // §6.1 keeps unntak and ikke-aktuell reasons apart: ARBEIDSTAKER_AAP is not an unntak.
    ['DIALOGMOTE_2', 'ARBEIDSTAKER_AAP', 'Begrunnelse', 'reasonCode', 'REASON_CODE_ALLOWED_FOR_MILESTONE'],
    ['DIALOGMOTE_2', 'MEDISINSKE_GRUNNER', '  ', 'text', 'DM2_EXEMPTION_NEEDS_JUSTIFICATION'],
    ['LETTER_39W', 'AAPENBART_UNODVENDIG', 'Begrunnelse', 'milestone', 'MILESTONE_NOT_EXEMPTABLE'],
    ['DIALOGMOTEKANDIDAT', 'MEDISINSKE_GRUNNER', 'Begrunnelse', 'milestone', 'MILESTONE_NOT_EXEMPTABLE'],
  ])('%s with %s (text %j) is refused on %s by %s', (type, reasonCode, text, field, rule) => {
    expect(validateExemption(exemption(type, reasonCode, text))).toMatchObject({ ok: false, field, rule });
  });

  it('the refusal explains the rule', () => {
    expect(validateExemption(exemption('AKTIVITETSKRAV', 'AAPENBART_UNODVENDIG'))).toMatchObject({
      message:
        'AAPENBART_UNODVENDIG only applies to OPPFOLGINGSPLAN, DIALOGMOTE_1 and DIALOGMOTE_2, not AKTIVITETSKRAV (handbook §2.2)',
    });
  });

  it('a valid exemption makes the milestone EXEMPT with its reason, and time no longer changes it', () => {
    const waived = exemption('OPPFOLGINGSPLAN', 'AAPENBART_UNODVENDIG');
    expect(milestone('OPPFOLGINGSPLAN', '2025-01-27', { exemptions: [waived] })).toMatchObject({
      state: 'EXEMPT',
      stateReason: 'AAPENBART_UNODVENDIG',
      exemption: waived,
      nextChangeOn: null,
    });
  });

  it('an invalid exemption is ignored, so it cannot silence a legal milestone', () => {
    const invalid = exemption('AKTIVITETSKRAV', 'AAPENBART_UNODVENDIG');
    expect(milestone('AKTIVITETSKRAV', '2025-03-05', { exemptions: [invalid] })).toMatchObject({
      state: 'DUE',
      exemption: null,
    });
  });

  it('a completion wins over an exemption', () => {
    const scenario = {
      completions: [completion('DIALOGMOTE_1', '2025-02-20')],
      exemptions: [exemption('DIALOGMOTE_1', 'AAPENBART_UNODVENDIG')],
    };
    expect(milestone('DIALOGMOTE_1', '2025-02-21', scenario).state).toBe('DONE');
  });

  it('of several completions, the earliest is the one shown', () => {
    const [first, second] = [completion('DIALOGMOTE_1', '2025-02-15'), completion('DIALOGMOTE_1', '2025-02-20')];
    expect(milestone('DIALOGMOTE_1', '2025-02-21', { completions: [second, first] }).completion).toBe(first);
  });
});

describe('nextChange: the earliest nextChangeOn of a calendar', () => {
  it('on 2025-01-10 the next change is the plan becoming DUE on 2025-01-26', () => {
    expect(nextChange(Object.values(calendar('2025-01-10')))).toBe('2025-01-26');
  });

  it('on 2025-01-27 the plan turning OVERDUE on 2025-02-03 comes before DM1 becoming DUE on 2025-02-09', () => {
    const milestones = calendar('2025-01-27');
    expect([milestones.OPPFOLGINGSPLAN?.nextChangeOn, milestones.DIALOGMOTE_1?.nextChangeOn]).toEqual([
      '2025-02-03',
      '2025-02-09',
    ]);
    expect(nextChange(Object.values(milestones))).toBe('2025-02-03');
  });

  it('is null when nothing changes by time any more (a short tilfelle reaches no milestone)', () => {
    const milestones = Object.values(calendar('2025-01-20', { tilfelle: { end: '2025-01-19' } }));
    expect(new Set(milestones.map(({ state }) => state))).toEqual(new Set(['NOT_APPLICABLE']));
    expect(nextChange(milestones)).toBeNull();
  });

  it('is null for no milestones', () => {
    expect(nextChange([])).toBeNull();
  });
});
