import type { ScreeningAnswerReceived } from '@syfo/contracts';

import {
  evaluateVvMs,
  FLAG_ANSWER_OPT_OUT,
  FLAG_BLOCK_FORHANDSVARSEL,
  reEntryTriggers,
  shouldReEnter,
  VV_MS_EXCLUSION_CODES,
  VV_MS_MESSAGE_TEMPLATES,
  VV_MS_OUTCOMES,
  VV_MS_V1_DEFAULTS,
  type VvMsAnswer,
  type VvMsFacts,
  type VvMsOutcome,
} from './vv-ms.rule-set';

// A tilfelle from Monday 2025-01-06 (§2.1 fixture): the 8-week trigger is start + 8w − 1 = 2025-03-02.
const TRIGGER = '2025-03-02';
// Sent the next day: reminder due 2025-03-03 + 7 = 2025-03-10, deadline 2025-03-03 + 14 = 2025-03-17.
const SENT = '2025-03-03';
const BEFORE_REMINDER = '2025-03-09';
const REMINDER_DUE = '2025-03-10';
const DEADLINE = '2025-03-17';
const DAY_AFTER_DEADLINE = '2025-03-18';

function facts(overrides: Partial<VvMsFacts> = {}): VvMsFacts {
  return {
    triggerOn: TRIGGER,
    age: 40,
    gradePercent: 100,
    repeatedAbsence: false,
    seriousDiagnosis: null,
    cannotParticipate: false,
    pregnancyRelated: false,
    ufore100: false,
    positionPercent: 100,
    uncertainEligibility: false,
    questionnaire: { sentOn: SENT, reminderSentOn: null },
    answer: null,
    ...overrides,
  };
}

function answer(q1: VvMsAnswer['q1'], q2: VvMsAnswer['q2'], q3: VvMsAnswer['q3'], q3UnsureReason: VvMsAnswer['q3UnsureReason'] = null): VvMsAnswer {
  return { q1, q2, q3, q3UnsureReason, optOut: false };
}

const GOOD = answer('1:1', '2:1', '3:1');
const ANSWERED_ON = '2025-03-05';

const EXCLUSION_ROWS = ['EX_AGE_65', 'EX_SERIOUS_DIAGNOSIS', 'EX_CANNOT_PARTICIPATE', 'EX_PREGNANCY', 'EX_UFORE100_POS50'];
const TABLE_ROWS = [...EXCLUSION_ROWS, 'R8', 'R7', 'SEND', 'R4', 'R1', 'R3', 'R2', 'R5', 'R6', 'N1', 'N2', 'N3', 'AWAITING', 'DEFAULT'];

describe('VV-MS v1 (handbook §4.2)', () => {
  it('is version 1 with the §4.2 non-responder defaults: reminder after 7 days, deadline at 14', () => {
    expect(evaluateVvMs(facts(), SENT).ruleSet).toEqual({ id: 'VV-MS', version: 1 });
    expect(VV_MS_V1_DEFAULTS).toEqual({ reminderAfterDays: 7, responseDeadlineDays: 14 });
    expect(VV_MS_EXCLUSION_CODES).toEqual(EXCLUSION_ROWS);
  });

  describe('exclusions, checked first', () => {
    it.each([
      { why: 'age 65', change: { age: 65 }, rule: 'EX_AGE_65', adapted: true },
      { why: 'age 80', change: { age: 80 }, rule: 'EX_AGE_65', adapted: true },
      { why: 'serious diagnosis, routine case', change: { seriousDiagnosis: 'KURANT' }, rule: 'EX_SERIOUS_DIAGNOSIS', adapted: true },
      { why: 'serious diagnosis, clearly unable', change: { seriousDiagnosis: 'CLEARLY_UNABLE' }, rule: 'EX_SERIOUS_DIAGNOSIS', adapted: true },
      { why: 'serious diagnosis, temporarily unable', change: { seriousDiagnosis: 'TEMP_UNABLE' }, rule: 'EX_CANNOT_PARTICIPATE', adapted: true },
      { why: 'cannot participate', change: { cannotParticipate: true }, rule: 'EX_CANNOT_PARTICIPATE', adapted: true },
      { why: 'pregnancy-related', change: { pregnancyRelated: true }, rule: 'EX_PREGNANCY', adapted: false },
      { why: '100 % uføre, position 49 %', change: { ufore100: true, positionPercent: 49 }, rule: 'EX_UFORE100_POS50', adapted: false },
    ] satisfies { why: string; change: Partial<VvMsFacts>; rule: string; adapted: boolean }[])('$why → EXCLUDED $rule', ({ change, rule, adapted }) => {
      const template = adapted ? VV_MS_MESSAGE_TEMPLATES.EXCLUDED_ADAPTED : null;
      // The answer would be N1 and the person has repeated absence (R8): exclusions still come first.
      const decision = evaluateVvMs(facts({ ...change, repeatedAbsence: true, answer: GOOD }), ANSWERED_ON);
      expect(decision).toMatchObject({ outcome: 'EXCLUDED', rule, messageTemplate: template, reviewAt: null, flags: [] });
      expect(decision.workItems).toEqual([
        {
          type: 'RIGHTS_CLARIFICATION',
          priority: 'REVIEW',
          statutory: false,
          dueDate: null,
          visibleFrom: ANSWERED_ON,
          key: 'RIGHTS_CLARIFICATION:VV-MS:2025-03-02',
          ...(template ? { messageTemplate: template } : {}),
        },
      ]);
      expect(decision.reasons[0]).toMatch(new RegExp(`^${rule}: .*rights still need early clarification`));
    });

    it.each([
      { why: 'age 64', change: { age: 64 } },
      { why: '100 % uføre, position 50 %', change: { ufore100: true, positionPercent: 50 } },
      { why: '100 % uføre, position unknown', change: { ufore100: true, positionPercent: null } },
      { why: 'position 20 % without 100 % uføre', change: { ufore100: false, positionPercent: 20 } },
    ] satisfies { why: string; change: Partial<VvMsFacts> }[])('$why is not excluded', ({ change }) => {
      expect(evaluateVvMs(facts({ ...change, answer: GOOD }), ANSWERED_ON)).toMatchObject({ outcome: 'IKKE_AKTUELL_NA', rule: 'N1' });
    });

    it('takes the first exclusion in table order and traces only the rows up to it', () => {
      const decision = evaluateVvMs(facts({ pregnancyRelated: true, ufore100: true, positionPercent: 10 }), SENT);
      expect(decision.rule).toBe('EX_PREGNANCY');
      expect(decision.trace.map(({ rule, matched }) => [rule, matched])).toEqual([
        ['EX_AGE_65', false],
        ['EX_SERIOUS_DIAGNOSIS', false],
        ['EX_CANNOT_PARTICIPATE', false],
        ['EX_PREGNANCY', true],
      ]);
      expect(evaluateVvMs(facts({ age: 70, seriousDiagnosis: 'KURANT' }), SENT).rule).toBe('EX_AGE_65');
    });

    it('excludes before anything is sent', () => {
      expect(evaluateVvMs(facts({ age: 66, questionnaire: null }), TRIGGER)).toMatchObject({ outcome: 'EXCLUDED', rule: 'EX_AGE_65' });
    });
  });

  describe('decision table with an answer, first match wins', () => {
    it.each([
      { rule: 'R1', a: answer('1:2', '2:1', '3:1'), grade: 100, outcome: 'MAP' },
      { rule: 'R1', a: answer('1:3', '2:1', '3:1'), grade: 100, outcome: 'MAP' },
      { rule: 'R1', a: answer('1:3', '2:2', '3:2'), grade: 10, outcome: 'MAP' },
      { rule: 'R3', a: answer('1:1', '2:2', '3:1'), grade: 100, outcome: 'MAP' },
      // R3 maps whatever the duration, so it wins over R2 for 3:2.
      { rule: 'R3', a: answer('1:1', '2:2', '3:2'), grade: 100, outcome: 'MAP' },
      { rule: 'R3', a: answer('1:1', '2:3', '3:1'), grade: 100, outcome: 'MAP' },
      { rule: 'R2', a: answer('1:1', '2:1', '3:2'), grade: 100, outcome: 'MAP' },
      { rule: 'R2', a: answer('1:1', '2:1', '3:2'), grade: 10, outcome: 'MAP' },
      { rule: 'R5', a: answer('1:1', '2:1', '3:3', 'TREATMENT_OUTCOME'), grade: 30, outcome: 'MAP' },
      { rule: 'R5', a: answer('1:1', '2:1', '3:3', 'OTHER'), grade: 100, outcome: 'MAP' },
      { rule: 'R6', a: answer('1:1', '2:1', '3:3', 'OTHER'), grade: 29, outcome: 'MAP' },
      { rule: 'N1', a: answer('1:1', '2:1', '3:1'), grade: 100, outcome: 'IKKE_AKTUELL_NA' },
      { rule: 'N1', a: answer('1:1', '2:1', '3:1'), grade: 20, outcome: 'IKKE_AKTUELL_NA' },
      { rule: 'N2', a: answer('1:1', '2:1', '3:3', 'TREATMENT_OUTCOME'), grade: 29, outcome: 'POSTPONE' },
      { rule: 'DEFAULT', a: answer('1:1', '2:1', '3:3'), grade: 29, outcome: 'MAP' },
    ] satisfies { rule: string; a: VvMsAnswer; grade: number; outcome: VvMsOutcome }[])(
      '$rule: Q $a.q1 $a.q2 $a.q3 ($a.q3UnsureReason) at $grade % → $outcome',
      ({ rule, a, grade, outcome }) => {
        const decision = evaluateVvMs(facts({ answer: a, gradePercent: grade }), ANSWERED_ON);
        expect(decision).toMatchObject({ rule, outcome });
        const upTo = TABLE_ROWS.indexOf(rule);
        expect(decision.trace.map((row) => row.rule)).toEqual(TABLE_ROWS.slice(0, upTo + 1));
        expect(decision.trace.map((row) => row.matched)).toEqual([...Array<boolean>(upTo).fill(false), true]);
      },
    );

    it('R5 vs N2 at the 30 % edge: unsure because of treatment maps at 30 %, postpones at 29 %', () => {
      const unsure = answer('1:1', '2:1', '3:3', 'TREATMENT_OUTCOME');
      expect(evaluateVvMs(facts({ answer: unsure, gradePercent: 30 }), ANSWERED_ON).rule).toBe('R5');
      expect(evaluateVvMs(facts({ answer: unsure, gradePercent: 29 }), ANSWERED_ON).rule).toBe('N2');
    });

    it('R8 beats N1: repeated absence maps whatever the answer, with the repeated-absence invitation', () => {
      const decision = evaluateVvMs(facts({ repeatedAbsence: true, answer: GOOD }), ANSWERED_ON);
      expect(decision).toMatchObject({
        outcome: 'MAP',
        rule: 'R8',
        messageTemplate: VV_MS_MESSAGE_TEMPLATES.MAPPING_INVITE_REPEATED_ABSENCE,
        flags: [FLAG_BLOCK_FORHANDSVARSEL],
      });
      expect(decision.workItems).toEqual([
        {
          type: 'MAPPING_INVITE',
          priority: 'MAP',
          statutory: false,
          dueDate: null,
          visibleFrom: ANSWERED_ON,
          key: 'MAPPING_INVITE:VV-MS:2025-03-02',
          messageTemplate: VV_MS_MESSAGE_TEMPLATES.MAPPING_INVITE_REPEATED_ABSENCE,
        },
      ]);
    });

    it('R8 beats R7, and R7 (uncertain eligibility) beats N1 with the ordinary invitation', () => {
      expect(evaluateVvMs(facts({ repeatedAbsence: true, uncertainEligibility: true, answer: GOOD }), ANSWERED_ON).rule).toBe('R8');
      const r7 = evaluateVvMs(facts({ uncertainEligibility: true, answer: GOOD }), ANSWERED_ON);
      expect(r7).toMatchObject({ outcome: 'MAP', rule: 'R7', messageTemplate: VV_MS_MESSAGE_TEMPLATES.MAPPING_INVITE });
      expect(r7.workItems[0]?.messageTemplate).toBe(VV_MS_MESSAGE_TEMPLATES.MAPPING_INVITE);
    });

    it('R8 and R7 decide before the questionnaire is sent or answered', () => {
      expect(evaluateVvMs(facts({ repeatedAbsence: true, questionnaire: null }), TRIGGER)).toMatchObject({ outcome: 'MAP', rule: 'R8' });
      expect(evaluateVvMs(facts({ uncertainEligibility: true }), SENT)).toMatchObject({ outcome: 'MAP', rule: 'R7' });
    });

    it('N1 rests as ikke aktuell nå: a drafted message, no item, no review date, the safety nets named', () => {
      const decision = evaluateVvMs(facts({ answer: GOOD }), ANSWERED_ON);
      expect(decision).toMatchObject({ messageTemplate: VV_MS_MESSAGE_TEMPLATES.IKKE_AKTUELL_NA, workItems: [], reviewAt: null, flags: [] });
      expect(decision.reasons).toEqual([expect.stringMatching(/^N1: /), expect.stringMatching(/17\/26\/39-week stoppunkter, møtebehov/)]);
    });

    it('N2 postpones with no message and no review date; the safety nets still apply', () => {
      const decision = evaluateVvMs(facts({ answer: answer('1:1', '2:1', '3:3', 'TREATMENT_OUTCOME'), gradePercent: 20 }), ANSWERED_ON);
      expect(decision).toMatchObject({ outcome: 'POSTPONE', messageTemplate: null, workItems: [], reviewAt: null, flags: [] });
      expect(decision.reasons[1]).toMatch(/Safety nets still apply/);
    });

    it('an answer counts even when it arrives after the deadline', () => {
      expect(evaluateVvMs(facts({ answer: GOOD, gradePercent: 50 }), '2025-04-01').rule).toBe('N1');
    });

    it('explains each row it evaluated with what it saw', () => {
      const decision = evaluateVvMs(facts({ age: 64, answer: answer('1:1', '2:3', '3:1') }), ANSWERED_ON);
      expect(decision.trace[0]).toEqual({ rule: 'EX_AGE_65', matched: false, detail: 'age 64; excluded from 65' });
      expect(decision.trace.find((row) => row.rule === 'R3')).toEqual({ rule: 'R3', matched: true, detail: 'Q1 1:1, Q2 2:3; maps on Q1 1:1 with Q2 not 2:1' });
      expect(decision.trace.find((row) => row.rule === 'R4')).toEqual({ rule: 'R4', matched: false, detail: 'answered' });
    });
  });

  describe('gaps resolved (§4.2)', () => {
    it('(5) a missing Q1 reads as 1:2 and maps by R1, with the resolution in the reasons', () => {
      const decision = evaluateVvMs(facts({ answer: answer(null, '2:1', '3:1') }), ANSWERED_ON);
      expect(decision).toMatchObject({ outcome: 'MAP', rule: 'R1' });
      expect(decision.reasons).toContain('Q1 not answered: read as 1:2, unsure (gaps resolved 5)');
      expect(decision.trace.find((row) => row.rule === 'R1')?.detail).toBe('Q1 1:2; maps on 1:2 or 1:3');
    });

    it('(2) Q2 "neither" (2:3) or missing is not a good relationship: R3', () => {
      expect(evaluateVvMs(facts({ answer: answer('1:1', '2:3', '3:1') }), ANSWERED_ON).rule).toBe('R3');
      const missing = evaluateVvMs(facts({ answer: answer('1:1', null, '3:1') }), ANSWERED_ON);
      expect(missing.rule).toBe('R3');
      expect(missing.reasons).toContain('Q2 not answered: anything but 2:1 is not a good relationship (gaps resolved 2)');
    });

    it('(5) a missing Q3 is unsure for an unknown reason: R5 from 30 %, otherwise DEFAULT (not N2, not R6)', () => {
      const missingQ3 = answer('1:1', '2:1', null);
      expect(evaluateVvMs(facts({ answer: missingQ3, gradePercent: 30 }), ANSWERED_ON).rule).toBe('R5');
      const low = evaluateVvMs(facts({ answer: missingQ3, gradePercent: 29 }), ANSWERED_ON);
      expect(low).toMatchObject({ outcome: 'MAP', rule: 'DEFAULT', messageTemplate: VV_MS_MESSAGE_TEMPLATES.MAPPING_INVITE });
      expect(low.reasons).toEqual([
        'DEFAULT: no rule matched this combination; unclear cases are mapped (gaps resolved 5)',
        'Q3 not answered: read as 3:3, unsure for an unknown reason (gaps resolved 5)',
      ]);
      expect(low.trace.find((row) => row.rule === 'R6')?.detail).toBe('Q3 3:3, reason unknown; maps when unsure for reason OTHER');
    });

    it('(1) Q3 3:3 without a reason is unsure for an unknown reason', () => {
      const decision = evaluateVvMs(facts({ answer: answer('1:1', '2:1', '3:3'), gradePercent: 0 }), ANSWERED_ON);
      expect(decision.rule).toBe('DEFAULT');
      expect(decision.reasons).toContain('Q3 unsure without a reason: the reason is unknown');
    });

    it('(5) "no answer" is not "missing Q1": a reply with every question blank is a partial answer (R1), not R4', () => {
      const blank = answer(null, null, null);
      expect(evaluateVvMs(facts({ answer: blank, gradePercent: 50 }), DAY_AFTER_DEADLINE).rule).toBe('R1');
      expect(evaluateVvMs(facts({ answer: null, gradePercent: 50 }), DAY_AFTER_DEADLINE).rule).toBe('R4');
    });

    it('(3) grade 30 % or more maps a non-responder (R4), not only those working under 30 %', () => {
      expect(evaluateVvMs(facts({ gradePercent: 30 }), DAY_AFTER_DEADLINE).rule).toBe('R4');
    });
  });

  describe('sending, waiting, reminding (non-responders)', () => {
    it('drafts the questionnaire for a veileder to send when nothing is sent yet', () => {
      const decision = evaluateVvMs(facts({ questionnaire: null }), TRIGGER);
      expect(decision).toMatchObject({ outcome: 'SEND_QUESTIONNAIRE', rule: 'SEND', messageTemplate: VV_MS_MESSAGE_TEMPLATES.QUESTIONNAIRE, reviewAt: null });
      expect(decision.workItems).toEqual([
        {
          type: 'SCREENING_VV_MS',
          priority: 'INFO',
          statutory: false,
          dueDate: null,
          visibleFrom: TRIGGER,
          key: 'SCREENING_VV_MS:VV-MS:2025-03-02',
          messageTemplate: VV_MS_MESSAGE_TEMPLATES.QUESTIONNAIRE,
        },
      ]);
      expect(decision.flags).toEqual([FLAG_BLOCK_FORHANDSVARSEL]);
    });

    it('from 30 %: awaits the answer through the deadline day (review the day after), then R4 maps', () => {
      const on = (today: string) => evaluateVvMs(facts({ gradePercent: 30 }), today);
      expect(on(SENT)).toMatchObject({ outcome: 'AWAITING_ANSWER', rule: 'AWAITING', reviewAt: DAY_AFTER_DEADLINE, workItems: [], flags: [FLAG_BLOCK_FORHANDSVARSEL] });
      // No reminder is drafted at 30 % or more: the person is mapped anyway if they stay silent.
      expect(on(REMINDER_DUE)).toMatchObject({ outcome: 'AWAITING_ANSWER', reviewAt: DAY_AFTER_DEADLINE });
      expect(on(DEADLINE)).toMatchObject({ outcome: 'AWAITING_ANSWER', reviewAt: DAY_AFTER_DEADLINE });
      const mapped = on(DAY_AFTER_DEADLINE);
      expect(mapped).toMatchObject({ outcome: 'MAP', rule: 'R4', messageTemplate: VV_MS_MESSAGE_TEMPLATES.MAPPING_INVITE });
      expect(mapped.trace.find((row) => row.rule === 'R4')?.detail).toBe('no answer; deadline 2025-03-17 passed; graded 30 %; maps from 30 %');
    });

    it('below 30 %: awaits until the reminder is due, reminds (N3), awaits through the deadline, then rests (N3)', () => {
      const low = (today: string, reminderSentOn: string | null = null) =>
        evaluateVvMs(facts({ gradePercent: 29, questionnaire: { sentOn: SENT, reminderSentOn } }), today);
      expect(low(BEFORE_REMINDER)).toMatchObject({ outcome: 'AWAITING_ANSWER', rule: 'AWAITING', reviewAt: REMINDER_DUE });

      const remind = low(REMINDER_DUE);
      expect(remind).toMatchObject({ outcome: 'REMIND', rule: 'N3', messageTemplate: VV_MS_MESSAGE_TEMPLATES.REMINDER, reviewAt: DAY_AFTER_DEADLINE });
      expect(remind.workItems).toEqual([
        {
          type: 'SCREENING_VV_MS',
          priority: 'INFO',
          statutory: false,
          dueDate: null,
          visibleFrom: REMINDER_DUE,
          key: 'SCREENING_VV_MS:VV-MS:2025-03-02:REMINDER',
          messageTemplate: VV_MS_MESSAGE_TEMPLATES.REMINDER,
        },
      ]);

      expect(low('2025-03-11', REMINDER_DUE)).toMatchObject({ outcome: 'AWAITING_ANSWER', reviewAt: DAY_AFTER_DEADLINE });
      expect(low(DEADLINE, REMINDER_DUE)).toMatchObject({ outcome: 'AWAITING_ANSWER', reviewAt: DAY_AFTER_DEADLINE });
      const rest = low(DAY_AFTER_DEADLINE, REMINDER_DUE);
      expect(rest).toMatchObject({
        outcome: 'IKKE_AKTUELL_NA_NO_ANSWER',
        rule: 'N3',
        messageTemplate: VV_MS_MESSAGE_TEMPLATES.IKKE_AKTUELL_NA,
        workItems: [],
        reviewAt: null,
        flags: [],
      });
      expect(rest.reasons[0]).toMatch(/^N3: no answer after the reminder/);
    });

    it('after the deadline without a reminder: reminds first (N3 first half) and reviews the next day', () => {
      expect(evaluateVvMs(facts({ gradePercent: 10 }), '2025-03-20')).toMatchObject({ outcome: 'REMIND', rule: 'N3', reviewAt: '2025-03-21' });
    });

    it('at the grade edge after the deadline: 29 % goes to N3, 30 % to R4', () => {
      const reminded = { sentOn: SENT, reminderSentOn: REMINDER_DUE };
      expect(evaluateVvMs(facts({ gradePercent: 29, questionnaire: reminded }), DAY_AFTER_DEADLINE).rule).toBe('N3');
      expect(evaluateVvMs(facts({ gradePercent: 30, questionnaire: reminded }), DAY_AFTER_DEADLINE).rule).toBe('R4');
    });

    it('takes the reminder and deadline days from the region config', () => {
      // Sent 2025-03-03: reminder due + 3 = 2025-03-06, deadline + 10 = 2025-03-13.
      const config = { reminderAfterDays: 3, responseDeadlineDays: 10 };
      const low = facts({ gradePercent: 0 });
      expect(evaluateVvMs(low, '2025-03-05', config)).toMatchObject({ outcome: 'AWAITING_ANSWER', reviewAt: '2025-03-06' });
      expect(evaluateVvMs(low, '2025-03-06', config)).toMatchObject({ outcome: 'REMIND', reviewAt: '2025-03-14' });
      expect(evaluateVvMs(facts(), '2025-03-13', config).outcome).toBe('AWAITING_ANSWER');
      const mapped = evaluateVvMs(facts(), '2025-03-14', config);
      expect(mapped.rule).toBe('R4');
      expect(mapped.inputs).toMatchObject({
        questionnaire: { sentOn: SENT, reminderSentOn: null, reminderDueOn: '2025-03-06', responseDeadline: '2025-03-13' },
        config,
      });
    });
  });

  describe('flags and inputs', () => {
    it('flags an opt-out so the pilot evaluation leaves the coded answers out; the decision itself is unchanged', () => {
      const decision = evaluateVvMs(facts({ answer: { ...GOOD, optOut: true } }), ANSWERED_ON);
      expect(decision).toMatchObject({ rule: 'N1', flags: [FLAG_ANSWER_OPT_OUT] });
      expect(evaluateVvMs(facts({ answer: { ...answer('1:3', '2:1', '3:1'), optOut: true } }), ANSWERED_ON).flags).toEqual([
        FLAG_BLOCK_FORHANDSVARSEL,
        FLAG_ANSWER_OPT_OUT,
      ]);
    });

    it('records every fact it used as plain JSON', () => {
      const decision = evaluateVvMs(facts({ answer: GOOD }), ANSWERED_ON);
      expect(decision.inputs).toEqual({
        today: ANSWERED_ON,
        triggerOn: TRIGGER,
        age: 40,
        gradePercent: 100,
        repeatedAbsence: false,
        seriousDiagnosis: null,
        cannotParticipate: false,
        pregnancyRelated: false,
        ufore100: false,
        positionPercent: 100,
        uncertainEligibility: false,
        questionnaire: { sentOn: SENT, reminderSentOn: null, reminderDueOn: REMINDER_DUE, responseDeadline: DEADLINE },
        answer: { q1: '1:1', q2: '2:1', q3: '3:1', q3UnsureReason: null, optOut: false },
        config: { reminderAfterDays: 7, responseDeadlineDays: 14 },
      });
      expect(JSON.parse(JSON.stringify(decision.inputs))).toEqual(decision.inputs);
    });

    it('copies only named fields, so an ident on the caller’s answer object never reaches inputs or items', () => {
      const event: Extract<ScreeningAnswerReceived, { questionnaire: 'VV_MS_8W' }> = {
        questionnaire: 'VV_MS_8W',
        answerId: '6f1c2f3e-8a4b-4c5d-9e6f-7a8b9c0d1e2f',
        personIdent: '01417012345',
        answeredAt: '2025-03-05T10:00:00+01:00',
        version: 1,
        cancelled: false,
        q1: '1:3',
        q2: '2:1',
        q3: '3:1',
        q3UnsureReason: null,
        optOut: false,
      };
      const decision = evaluateVvMs(facts({ answer: event }), ANSWERED_ON);
      expect(decision.rule).toBe('R1');
      expect(JSON.stringify([decision.inputs, decision.workItems, decision.trace, decision.reasons])).not.toMatch(/\d{11}|answerId|personIdent/);
    });
  });

  describe('re-entry from a resting outcome (§4.2)', () => {
    it('lists the §4.2 signals', () => {
      expect(reEntryTriggers).toEqual([
        'LEGEERKLAERING',
        'OPPFOLGINGSPLAN',
        'SIGNAL_ARBEID_OG_YTELSER',
        'SIGNAL_ARBEIDSLIVSSENTER',
        'CONTACT_FROM_PERSON',
        'MOTEBEHOV',
        'STOPPUNKT_17W',
        'STOPPUNKT_26W',
        'STOPPUNKT_39W',
        'SELF_ESTIMATED_RETURN_PASSED',
      ]);
    });

    it.each(reEntryTriggers)('%s reopens ikke aktuell nå (answered or not) and a postponement', (trigger) => {
      expect(shouldReEnter('IKKE_AKTUELL_NA', trigger)).toBe(true);
      expect(shouldReEnter('IKKE_AKTUELL_NA_NO_ANSWER', trigger)).toBe(true);
      expect(shouldReEnter('POSTPONE', trigger)).toBe(true);
    });

    it('does not reopen an outcome that is not resting, nor on other signals', () => {
      const notResting = VV_MS_OUTCOMES.filter((outcome) => !['IKKE_AKTUELL_NA', 'IKKE_AKTUELL_NA_NO_ANSWER', 'POSTPONE'].includes(outcome));
      expect(notResting).toEqual(['EXCLUDED', 'SEND_QUESTIONNAIRE', 'AWAITING_ANSWER', 'REMIND', 'MAP']);
      for (const outcome of notResting) expect(shouldReEnter(outcome, 'LEGEERKLAERING')).toBe(false);
      expect(shouldReEnter('IKKE_AKTUELL_NA', 'AKTIVITETSKRAV')).toBe(false);
      expect(shouldReEnter('IKKE_AKTUELL_NA', 'STOPPUNKT_8W')).toBe(false);
    });
  });
});
