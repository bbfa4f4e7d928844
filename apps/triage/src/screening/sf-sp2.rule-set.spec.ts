import {
  evaluateSfSp2,
  FLAG_REPEAT_APPEARANCE,
  FLAG_RESEND_OPTIONAL,
  SF_SP2_MANUAL_EXCLUSION_REASONS,
  SF_SP2_MESSAGE_TEMPLATES,
  SF_SP2_V1_DEFAULTS,
  type SfSp2Facts,
  type SfSp2Outcome,
} from './sf-sp2.rule-set';

// A tilfelle from Monday 2025-01-06 (§2.1 fixture) passes 6 weeks at start + 42 = 2025-02-17.
const TRIGGER = '2025-02-17';
// Sent the next day; the deadline is 2025-02-18 + 14 = 2025-03-04.
const SENT = '2025-02-18';
const DEADLINE = '2025-03-04';
const DAY_AFTER_DEADLINE = '2025-03-05';
const ANSWERED_ON = '2025-02-20';

function facts(overrides: Partial<SfSp2Facts> = {}): SfSp2Facts {
  return {
    triggerOn: TRIGGER,
    gradePercent: 100,
    manualExclusion: null,
    sentOn: SENT,
    score: null,
    failedCallAttempts: 0,
    previousAppearances: 0,
    ...overrides,
  };
}

const ROWS = ['GRADED', 'MANUAL_EXCLUSION', 'SEND', 'UNREACHABLE', 'S1', 'S2', 'S3', 'AWAITING', 'S4'];
const WITH_MIDDLE = { ...SF_SP2_V1_DEFAULTS, includeMiddle: true };

describe('SF-SP2 v1 (handbook §4.3)', () => {
  it('is version 1; includeMiddle is off and the deadline is 14 days by default', () => {
    expect(evaluateSfSp2(facts(), SENT).ruleSet).toEqual({ id: 'SF-SP2', version: 1 });
    expect(SF_SP2_V1_DEFAULTS).toEqual({ includeMiddle: false, responseDeadlineDays: 14 });
  });

  describe('trigger: 100 % when passing 6 weeks', () => {
    it.each([99, 50, 20])('graded %i % is NOT_ELIGIBLE, whatever the score', (grade) => {
      const decision = evaluateSfSp2(facts({ gradePercent: grade, score: 1 }), ANSWERED_ON);
      expect(decision).toMatchObject({ outcome: 'NOT_ELIGIBLE', rule: 'GRADED', workItems: [], messageTemplate: null, reviewAt: null });
      expect(decision.trace).toEqual([
        { rule: 'GRADED', matched: true, detail: `graded ${grade} % at 6 weeks; only 100 % is screened` },
        { rule: 'S5', matched: false, detail: '0 earlier appearances on the 6-week list; flag only' },
      ]);
    });

    it('100 % is eligible', () => {
      expect(evaluateSfSp2(facts({ score: 1 }), ANSWERED_ON).outcome).toBe('MI_CALL');
    });
  });

  describe('score rules, first match wins', () => {
    it.each([
      { score: 1, includeMiddle: false, rule: 'S1', outcome: 'MI_CALL' },
      { score: 2, includeMiddle: false, rule: 'S1', outcome: 'MI_CALL' },
      { score: 3, includeMiddle: false, rule: 'S3', outcome: 'NO_FOLLOW_UP' },
      { score: 3, includeMiddle: true, rule: 'S2', outcome: 'MI_CALL' },
      { score: 4, includeMiddle: true, rule: 'S3', outcome: 'NO_FOLLOW_UP' },
      { score: 5, includeMiddle: false, rule: 'S3', outcome: 'NO_FOLLOW_UP' },
      { score: 2, includeMiddle: true, rule: 'S1', outcome: 'MI_CALL' },
    ] satisfies { score: number; includeMiddle: boolean; rule: string; outcome: SfSp2Outcome }[])(
      'score $score, includeMiddle $includeMiddle → $rule $outcome',
      ({ score, includeMiddle, rule, outcome }) => {
        const decision = evaluateSfSp2(facts({ score }), ANSWERED_ON, { ...SF_SP2_V1_DEFAULTS, includeMiddle });
        expect(decision).toMatchObject({ rule, outcome, reviewAt: null, flags: [] });
        const upTo = ROWS.indexOf(rule);
        expect(decision.trace.map((row) => row.rule)).toEqual([...ROWS.slice(0, upTo + 1), 'S5']);
        expect(decision.trace.slice(0, -1).map((row) => row.matched)).toEqual([...Array<boolean>(upTo).fill(false), true]);
      },
    );

    it('S1/S2 open an MI_CALL item with the optional booking message; never about the aktivitetskrav', () => {
      const decision = evaluateSfSp2(facts({ score: 3 }), ANSWERED_ON, WITH_MIDDLE);
      expect(decision.messageTemplate).toBe(SF_SP2_MESSAGE_TEMPLATES.MI_CALL_BOOKING);
      expect(decision.workItems).toEqual([
        {
          type: 'MI_CALL',
          priority: 'MAP',
          statutory: false,
          dueDate: null,
          visibleFrom: ANSWERED_ON,
          key: 'MI_CALL:SF-SP2:2025-02-17',
          messageTemplate: SF_SP2_MESSAGE_TEMPLATES.MI_CALL_BOOKING,
        },
      ]);
      expect(decision.reasons[0]).toMatch(/never about the aktivitetskrav/);
      expect(decision.trace.find((row) => row.rule === 'S2')).toEqual({ rule: 'S2', matched: true, detail: 'score 3; includeMiddle on' });
    });

    it('S3 drafts an acknowledgement and opens no item', () => {
      expect(evaluateSfSp2(facts({ score: 4 }), ANSWERED_ON)).toMatchObject({
        outcome: 'NO_FOLLOW_UP',
        messageTemplate: SF_SP2_MESSAGE_TEMPLATES.ACKNOWLEDGEMENT,
        workItems: [],
      });
    });

    it('an answer counts even after the deadline', () => {
      expect(evaluateSfSp2(facts({ score: 2 }), '2025-04-01').rule).toBe('S1');
    });

    it.each([0, 6, 2.5])('refuses score %d', (score) => {
      expect(() => evaluateSfSp2(facts({ score }), ANSWERED_ON)).toThrow(/whole number 1–5/);
    });
  });

  describe('sending and no answer (S4)', () => {
    it('drafts the statement for a veileder to send when nothing is sent yet', () => {
      const decision = evaluateSfSp2(facts({ sentOn: null }), TRIGGER);
      expect(decision).toMatchObject({ outcome: 'SEND_QUESTIONNAIRE', rule: 'SEND', messageTemplate: SF_SP2_MESSAGE_TEMPLATES.QUESTIONNAIRE, reviewAt: null });
      expect(decision.workItems).toEqual([
        {
          type: 'SCREENING_SF_SP2',
          priority: 'INFO',
          statutory: false,
          dueDate: null,
          visibleFrom: TRIGGER,
          key: 'SCREENING_SF_SP2:SF-SP2:2025-02-17',
          messageTemplate: SF_SP2_MESSAGE_TEMPLATES.QUESTIONNAIRE,
        },
      ]);
    });

    it('awaits through the deadline day and reviews the day after; then S4 offers an optional re-send', () => {
      expect(evaluateSfSp2(facts(), SENT)).toMatchObject({ outcome: 'AWAITING_ANSWER', rule: 'AWAITING', reviewAt: DAY_AFTER_DEADLINE, workItems: [] });
      expect(evaluateSfSp2(facts(), DEADLINE)).toMatchObject({ outcome: 'AWAITING_ANSWER', reviewAt: DAY_AFTER_DEADLINE });
      expect(evaluateSfSp2(facts(), DAY_AFTER_DEADLINE)).toMatchObject({
        outcome: 'NO_ANSWER',
        rule: 'S4',
        messageTemplate: SF_SP2_MESSAGE_TEMPLATES.QUESTIONNAIRE,
        workItems: [],
        reviewAt: null,
        flags: [FLAG_RESEND_OPTIONAL],
      });
    });

    it('takes the deadline from the config: 7 days after 2025-02-18 is 2025-02-25', () => {
      const config = { ...SF_SP2_V1_DEFAULTS, responseDeadlineDays: 7 };
      expect(evaluateSfSp2(facts(), '2025-02-25', config)).toMatchObject({ outcome: 'AWAITING_ANSWER', reviewAt: '2025-02-26' });
      expect(evaluateSfSp2(facts(), '2025-02-26', config).rule).toBe('S4');
    });
  });

  describe('manual exclusion, unreachable, repeat appearance', () => {
    it.each(SF_SP2_MANUAL_EXCLUSION_REASONS)('MANUAL_EXCLUSION for %s is recorded with its reason and beats the score', (reason) => {
      const decision = evaluateSfSp2(facts({ manualExclusion: reason, score: 1 }), ANSWERED_ON);
      expect(decision).toMatchObject({ outcome: 'MANUAL_EXCLUSION', rule: 'MANUAL_EXCLUSION', workItems: [], inputs: { manualExclusion: reason } });
      expect(decision.reasons[0]).toContain(reason);
    });

    it('is UNREACHABLE after 3 failed call attempts, not after 2', () => {
      expect(evaluateSfSp2(facts({ score: 1, failedCallAttempts: 2 }), '2025-02-27').outcome).toBe('MI_CALL');
      const decision = evaluateSfSp2(facts({ score: 1, failedCallAttempts: 3 }), '2025-02-27');
      expect(decision).toMatchObject({ outcome: 'UNREACHABLE', rule: 'UNREACHABLE', workItems: [], messageTemplate: null });
      expect(decision.trace.find((row) => row.rule === 'UNREACHABLE')?.detail).toBe('3 failed call attempts; unreachable from 3');
    });

    it('S5 flags a repeat appearance beside the outcome without changing it', () => {
      const decision = evaluateSfSp2(facts({ score: 2, previousAppearances: 1 }), ANSWERED_ON);
      expect(decision).toMatchObject({ outcome: 'MI_CALL', rule: 'S1', flags: [FLAG_REPEAT_APPEARANCE] });
      expect(decision.trace.at(-1)).toEqual({ rule: 'S5', matched: true, detail: '1 earlier appearances on the 6-week list; flag only' });
      expect(decision.reasons[1]).toMatch(/^S5: /);
      expect(evaluateSfSp2(facts({ previousAppearances: 2 }), DAY_AFTER_DEADLINE).flags).toEqual([FLAG_RESEND_OPTIONAL, FLAG_REPEAT_APPEARANCE]);
      expect(evaluateSfSp2(facts({ sentOn: null, previousAppearances: 1 }), TRIGGER)).toMatchObject({ outcome: 'SEND_QUESTIONNAIRE', flags: [FLAG_REPEAT_APPEARANCE] });
    });
  });

  it('records the facts it used as plain JSON', () => {
    const decision = evaluateSfSp2(facts({ score: 3 }), ANSWERED_ON, WITH_MIDDLE);
    expect(decision.inputs).toEqual({
      today: ANSWERED_ON,
      triggerOn: TRIGGER,
      gradePercent: 100,
      manualExclusion: null,
      sentOn: SENT,
      responseDeadline: DEADLINE,
      score: 3,
      failedCallAttempts: 0,
      previousAppearances: 0,
      config: { includeMiddle: true, responseDeadlineDays: 14 },
    });
  });
});
