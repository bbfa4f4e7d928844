import { screeningFunnel, type CompletedItemFact, type DecisionFact } from './screening-funnel.calculator';

const START = '2025-01-06';
const decision = (personIdent: string, outcome: string, rule: string, enhet = '0600', tilfelleStart = START, decidedOn = '2025-02-20'): DecisionFact => ({
  personIdent,
  tilfelleStart,
  outcome,
  rule,
  decidedOn,
  enhet,
});
const completed = (personIdent: string, type: string, completedOn: string): CompletedItemFact => ({ personIdent, type, completedOn });

describe('SF-SP2 screening funnel (handbook §9.3: sent → answered → flagged → contacted)', () => {
  const people = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11', 'p12'];
  const sentOn: Record<string, string> = { p5: '2025-02-19', p9: '2025-02-01', p10: '2025-03-01', p11: '2025-01-31', p12: '2025-02-28' };
  const decisions: DecisionFact[] = [
    ...people.map((p) => decision(p, 'SEND_QUESTIONNAIRE', 'SEND', '0600', START, '2025-02-17')),
    // p1–p5 score low (S1) and belong to enhet 0601 by their latest decision; p6–p7 score high (S3); p8 never answers.
    ...['p1', 'p2', 'p3', 'p4', 'p5'].map((p) => decision(p, 'MI_CALL', 'S1', '0601')),
    ...['p6', 'p7'].map((p) => decision(p, 'NO_FOLLOW_UP', 'S3')),
    decision('p8', 'NO_ANSWER', 'S4'),
    // p4's next tilfelle, screened again in June.
    decision('p4', 'SEND_QUESTIONNAIRE', 'SEND', '0601', '2025-06-02', '2025-07-14'),
  ];
  const items: CompletedItemFact[] = [
    ...people.map((p) => completed(p, 'SCREENING_SF_SP2', sentOn[p] ?? '2025-02-18')),
    completed('p1', 'SCREENING_SF_SP2', '2025-03-05'), // a re-send later: the first sending counts
    ...['p1', 'p2', 'p3'].map((p) => completed(p, 'MI_CALL', '2025-03-10')),
    completed('p4', 'MI_CALL', '2025-07-20'), // belongs to p4's later case, not this one
  ];

  it('follows the cohort sent in the period through each stage, each share of the stage before', () => {
    // Sent in February: p1–p9 and p12 (p9 on the first day, p12 on the last; p11 the day before, p10 the day after).
    expect(screeningFunnel('SF-SP2', decisions, items, { from: '2025-02-01', to: '2025-02-28' })).toEqual({
      ruleSet: 'SF-SP2',
      counts: { sent: 10, answered: 7, flagged: 5, contacted: 3, flaggedWithoutAnswer: 0 },
      answeredPercent: 70, // 7 / 10
      flaggedPercent: 71.4, // 5 / 7 = 71.43 %
      contactedPercent: 60, // 3 / 5
      masked: false,
    });
  });

  it('masks a cohort of four and shows one of five; a share needs five in the stage below it', () => {
    expect(screeningFunnel('SF-SP2', decisions, items, { from: '2025-02-01', to: '2025-02-18', enhet: '0601' })).toEqual({
      ruleSet: 'SF-SP2',
      counts: null,
      answeredPercent: null,
      flaggedPercent: null,
      contactedPercent: null,
      masked: true,
    });
    expect(screeningFunnel('SF-SP2', decisions, items, { from: '2025-02-01', to: '2025-02-19', enhet: '0601' })).toMatchObject({
      counts: { sent: 5, answered: 5, flagged: 5, contacted: 3 },
      contactedPercent: 60,
      masked: false,
    });
    // Enhet 0600: p6–p9 and p12 sent, only p6 and p7 answered.
    expect(screeningFunnel('SF-SP2', decisions, items, { from: '2025-02-01', to: '2025-02-28', enhet: '0600' })).toMatchObject({
      counts: { sent: 5, answered: 2, flagged: 0, contacted: 0 },
      answeredPercent: 40,
      flaggedPercent: null,
      contactedPercent: null,
    });
  });
});

describe('VV-MS screening funnel', () => {
  it('counts DEFAULT as answered and keeps mapping without an answer (R4) outside the stages', () => {
    const decisions = [
      ...['v1', 'v2', 'v3', 'v4', 'v5'].map((p) => decision(p, 'SEND_QUESTIONNAIRE', 'SEND', '0600', START, '2025-03-02')),
      decision('v1', 'MAP', 'R1'),
      decision('v2', 'IKKE_AKTUELL_NA', 'N1'),
      decision('v3', 'AWAITING_ANSWER', 'AWAITING'),
      decision('v3', 'MAP', 'R4', '0600', START, '2025-03-20'),
      decision('v4', 'MAP', 'DEFAULT'),
      decision('v5', 'AWAITING_ANSWER', 'AWAITING'),
    ];
    const items = [
      ...['v1', 'v2', 'v3', 'v4', 'v5'].map((p) => completed(p, 'SCREENING_VV_MS', '2025-03-03')),
      completed('v1', 'MAPPING_INVITE', '2025-03-21'),
      completed('v3', 'MAPPING_INVITE', '2025-03-21'),
    ];
    expect(screeningFunnel('VV-MS', decisions, items, { from: '2025-03-01', to: '2025-03-31' })).toEqual({
      ruleSet: 'VV-MS',
      counts: { sent: 5, answered: 3, flagged: 2, contacted: 1, flaggedWithoutAnswer: 1 },
      answeredPercent: 60,
      flaggedPercent: null,
      contactedPercent: null,
      masked: false,
    });
  });
});
