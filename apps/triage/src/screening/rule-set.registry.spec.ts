import { completeOrgnr } from '@syfo/norwegian-ids';

import { resolveRuleSet, RULE_SET_KEYS, ruleSetKey, ScreeningConfigSchema } from './rule-set.registry';
import type { ScreeningDecision } from './screening.types';
import type { SfSp2Facts } from './sf-sp2.rule-set';
import type { VvMsExclusionCode, VvMsFacts } from './vv-ms.rule-set';

describe('screening rule-set registry', () => {
  it('holds each rule set under its own id@version', () => {
    expect(RULE_SET_KEYS).toEqual(['VV-MS@1', 'SF-SP2@1', 'SF-SP1@1']);
    for (const key of RULE_SET_KEYS) expect(ruleSetKey(resolveRuleSet(key).ref)).toBe(key);
  });

  it('resolves a reference to the rule set and its evaluate function', () => {
    const vvMs = resolveRuleSet('VV-MS@1');
    expect(vvMs.ref).toEqual({ id: 'VV-MS', version: 1 });
    expect(vvMs.defaults).toEqual({ reminderAfterDays: 7, responseDeadlineDays: 14 });
    expect(resolveRuleSet('SF-SP1@1').defaults).toEqual({ suppressDays: 90 });
  });

  it.each([
    ['VV-MS@2', "Unknown version 2 of screening rule set 'VV-MS' (known: VV-MS@1)"],
    ['XX@1', "Unknown screening rule set id 'XX' (known: VV-MS@1, SF-SP2@1, SF-SP1@1)"],
    ['VV-MS', "Screening rule set reference 'VV-MS' is not of the form id@version (known: VV-MS@1, SF-SP2@1, SF-SP1@1)"],
    ['toString', "Screening rule set reference 'toString' is not of the form id@version (known: VV-MS@1, SF-SP2@1, SF-SP1@1)"],
  ])('refuses %s with a clear error', (key, message) => {
    expect(() => resolveRuleSet(key)).toThrow(message);
  });
});

describe('a region’s screening configuration', () => {
  it('defaults to every rule set off, at version 1, with the rule sets’ own defaults', () => {
    expect(ScreeningConfigSchema.parse(undefined)).toEqual({
      'VV-MS': { enabled: false, version: 1, reminderAfterDays: 7, responseDeadlineDays: 14 },
      'SF-SP2': { enabled: false, version: 1, includeMiddle: false, responseDeadlineDays: 14 },
      'SF-SP1': { enabled: false, version: 1, suppressDays: 90 },
    });
  });

  it('takes a region’s choices', () => {
    const config = ScreeningConfigSchema.parse({ 'SF-SP2': { enabled: true, includeMiddle: true }, 'SF-SP1': { enabled: true, suppressDays: 120 } });
    expect(config['SF-SP2']).toEqual({ enabled: true, version: 1, includeMiddle: true, responseDeadlineDays: 14 });
    expect(config['SF-SP1']).toEqual({ enabled: true, version: 1, suppressDays: 120 });
    expect(config['VV-MS'].enabled).toBe(false);
  });

  it('refuses an unregistered version, naming it', () => {
    const result = ScreeningConfigSchema.safeParse({ 'VV-MS': { enabled: true, version: 3 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['VV-MS', 'version'], message: "Unknown version 3 of screening rule set 'VV-MS' (known: VV-MS@1)" }),
    ]);
  });

  it('refuses a reminder that is not due before the deadline', () => {
    expect(ScreeningConfigSchema.safeParse({ 'VV-MS': { reminderAfterDays: 13, responseDeadlineDays: 14 } }).success).toBe(true);
    const result = ScreeningConfigSchema.safeParse({ 'VV-MS': { reminderAfterDays: 14, responseDeadlineDays: 14 } });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['VV-MS', 'reminderAfterDays'] })]);
  });

  it.each([
    { 'SF-SP1': { suppressDays: -1 } },
    { 'SF-SP2': { includeMiddle: 'yes' } },
    { 'VV-MS': { responseDeadlineDays: 0 } },
    { 'VV-MS': { enabled: true, extra: 1 } },
    { 'SF-SP3': { enabled: true } },
  ])('refuses %j', (input) => {
    expect(ScreeningConfigSchema.safeParse(input).success).toBe(false);
  });
});

/** Every string a decision stores: a date, a number-like code or an upper-case code or key; never prose or an ident. */
function stringLeaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringLeaves);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringLeaves);
  return [];
}
const CODE = /^[A-Za-z0-9_:@.-]+$/;

describe('no decision stores an ident, a diagnosis or free text in its inputs or work items', () => {
  const vvMsBase: VvMsFacts = {
    triggerOn: '2025-03-02',
    age: 40,
    gradePercent: 100,
    repeatedAbsence: false,
    seriousDiagnosis: null,
    cannotParticipate: false,
    pregnancyRelated: false,
    ufore100: false,
    positionPercent: 100,
    uncertainEligibility: false,
    questionnaire: { sentOn: '2025-03-03', reminderSentOn: null },
    answer: null,
  };
  const sfSp2Base: SfSp2Facts = {
    triggerOn: '2025-02-17',
    gradePercent: 100,
    manualExclusion: null,
    sentOn: '2025-02-18',
    score: null,
    failedCallAttempts: 0,
    previousAppearances: 1,
  };
  const EXCLUDING: [VvMsExclusionCode, Partial<VvMsFacts>][] = [
    ['EX_AGE_65', { age: 70 }],
    ['EX_SERIOUS_DIAGNOSIS', { seriousDiagnosis: 'KURANT' }],
    ['EX_CANNOT_PARTICIPATE', { cannotParticipate: true }],
    ['EX_PREGNANCY', { pregnancyRelated: true }],
    ['EX_UFORE100_POS50', { ufore100: true, positionPercent: 20 }],
  ];
  const vvMs = resolveRuleSet('VV-MS@1').evaluate;
  const sfSp2 = resolveRuleSet('SF-SP2@1').evaluate;
  const orgnr = completeOrgnr('91000010') ?? completeOrgnr('91000011') ?? '';
  const sp1 = resolveRuleSet('SF-SP1@1').evaluate({
    batchDate: '2025-02-24',
    candidates: [{ candidateKey: 'sp1-7f3a', orgnr, passedOn: '2025-02-20', gradePercent: 100 }],
    employers: { [orgnr]: { previousAppearances: ['2024-10-07', '2025-01-06'], lastCallOn: '2025-01-08', concurrentFullSickListed: 2 } },
  });

  const decisions: [string, ScreeningDecision<string>][] = [
    ...EXCLUDING.map(([code, change]): [string, ScreeningDecision<string>] => [code, vvMs({ ...vvMsBase, ...change }, '2025-03-05')]),
    ['VV-MS send', vvMs({ ...vvMsBase, questionnaire: null }, '2025-03-02')],
    ['VV-MS awaiting', vvMs(vvMsBase, '2025-03-05')],
    ['VV-MS remind', vvMs({ ...vvMsBase, gradePercent: 20 }, '2025-03-10')],
    ['VV-MS R8', vvMs({ ...vvMsBase, repeatedAbsence: true }, '2025-03-05')],
    ['VV-MS R4', vvMs(vvMsBase, '2025-03-18')],
    ['VV-MS N1 opted out', vvMs({ ...vvMsBase, answer: { q1: '1:1', q2: '2:1', q3: '3:1', q3UnsureReason: null, optOut: true } }, '2025-03-05')],
    ['VV-MS N2', vvMs({ ...vvMsBase, gradePercent: 20, answer: { q1: '1:1', q2: '2:1', q3: '3:3', q3UnsureReason: 'TREATMENT_OUTCOME', optOut: false } }, '2025-03-05')],
    ['SF-SP2 send', sfSp2({ ...sfSp2Base, sentOn: null }, '2025-02-17')],
    ['SF-SP2 S1', sfSp2({ ...sfSp2Base, score: 1 }, '2025-02-20')],
    ['SF-SP2 S4', sfSp2(sfSp2Base, '2025-03-10')],
    ['SF-SP2 manual exclusion', sfSp2({ ...sfSp2Base, manualExclusion: 'SERIOUS_DIAGNOSIS' }, '2025-02-20')],
    ...sp1.decisions.map((decision): [string, ScreeningDecision<string>] => ['SF-SP1', decision]),
  ];

  it('covers every rule set and every exclusion', () => {
    expect(new Set(decisions.map(([, decision]) => decision.ruleSet.id))).toEqual(new Set(['VV-MS', 'SF-SP2', 'SF-SP1']));
    expect(decisions.slice(0, EXCLUDING.length).map(([name, decision]) => [name, decision.rule])).toEqual(EXCLUDING.map(([code]) => [code, code]));
  });

  it.each(decisions)('%s: only dates, numbers and codes, no 11-digit run', (_name, decision) => {
    const stored = [decision.inputs, decision.workItems];
    expect(JSON.stringify(stored)).not.toMatch(/\d{11}/);
    for (const leaf of stringLeaves(stored)) expect(leaf).toMatch(CODE);
  });
});
