import { completeOrgnr } from '@syfo/norwegian-ids';

import {
  evaluateSfSp1Batch,
  FLAG_RECALL_CANDIDATE,
  SF_SP1_V1_DEFAULTS,
  type SfSp1BatchInput,
  type SfSp1Candidate,
  type SfSp1EmployerFacts,
} from './sf-sp1.rule-set';

/** A valid organisasjonsnummer near the stem. */
function orgnr(stem: number): string {
  for (let candidate = stem; ; candidate += 1) {
    const complete = completeOrgnr(String(candidate));
    if (complete) return complete;
  }
}

const SMALL_SHOP = orgnr(91_000_100);
const SCHOOL = orgnr(92_000_200);

// Monday 2025-02-24, ISO week 9; the batch covers passing 6 weeks from 2025-02-17 to 2025-02-23.
const BATCH = '2025-02-24';
const WEEK = '2025-W09';

function candidate(candidateKey: string, overrides: Partial<SfSp1Candidate> = {}): SfSp1Candidate {
  return { candidateKey, orgnr: SMALL_SHOP, passedOn: '2025-02-19', gradePercent: 100, ...overrides };
}

function employer(overrides: Partial<SfSp1EmployerFacts> = {}): SfSp1EmployerFacts {
  return { previousAppearances: [], lastCallOn: null, concurrentFullSickListed: 1, ...overrides };
}

function batch(candidates: SfSp1Candidate[], employers: Record<string, SfSp1EmployerFacts> = { [SMALL_SHOP]: employer() }): SfSp1BatchInput {
  return { batchDate: BATCH, candidates, employers };
}

function only(input: SfSp1BatchInput, config = SF_SP1_V1_DEFAULTS) {
  const { decisions } = evaluateSfSp1Batch(input, config);
  expect(decisions).toHaveLength(1);
  return decisions[0]!;
}

const TASK = { orgnr: SMALL_SHOP, isoWeek: WEEK, batchDate: BATCH };

describe('SF-SP1 v1 (handbook §4.4)', () => {
  it('suppresses for 90 days by default', () => {
    expect(SF_SP1_V1_DEFAULTS).toEqual({ suppressDays: 90 });
  });

  describe('E1: the Monday batch', () => {
    it.each(['2025-02-25', '2025-02-23'])('refuses a batch on %s, which is not a Monday', (batchDate) => {
      expect(() => evaluateSfSp1Batch({ ...batch([]), batchDate })).toThrow(`SF-SP1 batch date ${batchDate} is not a Monday`);
    });

    it('covers the 7 days before the batch: 2025-02-17 to 2025-02-23, not the day before them nor the batch day', () => {
      const result = evaluateSfSp1Batch(
        batch([
          candidate('c-16', { passedOn: '2025-02-16' }),
          candidate('c-17', { passedOn: '2025-02-17' }),
          candidate('c-23', { passedOn: '2025-02-23' }),
          candidate('c-24', { passedOn: '2025-02-24' }),
        ]),
      );
      expect(result.skipped).toEqual([
        { candidateKey: 'c-16', reason: 'OUTSIDE_WINDOW' },
        { candidateKey: 'c-24', reason: 'OUTSIDE_WINDOW' },
      ]);
      expect(result.decisions.map((decision) => decision.inputs['candidateKeys'])).toEqual([['c-17', 'c-23']]);
      expect(result.decisions[0]?.trace[0]).toEqual({ rule: 'E1', matched: true, detail: '2 passed 6 weeks at 100 % from 2025-02-17 to 2025-02-23' });
    });

    it('leaves out graded candidates; an employer with none left gets no decision', () => {
      const result = evaluateSfSp1Batch(batch([candidate('c-1', { gradePercent: 99 })]));
      expect(result).toEqual({ batchDate: BATCH, isoWeek: WEEK, decisions: [], skipped: [{ candidateKey: 'c-1', reason: 'GRADED' }] });
    });
  });

  it('E5: otherwise a STOPPUNKT1_CALL task with the employer, the week and the batch date only', () => {
    const decision = only(batch([candidate('c-1')]));
    expect(decision).toMatchObject({
      ruleSet: { id: 'SF-SP1', version: 1 },
      orgnr: SMALL_SHOP,
      outcome: 'CALL',
      rule: 'E5',
      reasons: ['E5: a stoppunkt-1 call to the employer'],
      workItems: [],
      reviewAt: null,
      flags: [],
    });
    expect(decision.stoppunkt1Task).toEqual(TASK);
    expect(decision.trace.map(({ rule, matched }) => [rule, matched])).toEqual([
      ['E1', true],
      ['E2', false],
      ['E3', false],
      ['E4', false],
      ['E5', true],
    ]);
  });

  it('E2: several candidates at one orgnr give one decision and one task, ordered by orgnr across employers', () => {
    const result = evaluateSfSp1Batch(
      batch([candidate('c-1', { orgnr: SCHOOL }), candidate('c-2'), candidate('c-3', { orgnr: SCHOOL })], {
        [SMALL_SHOP]: employer(),
        [SCHOOL]: employer({ concurrentFullSickListed: 2 }),
      }),
    );
    expect(result.decisions.map((decision) => [decision.orgnr, decision.outcome])).toEqual([
      [SMALL_SHOP, 'CALL'],
      [SCHOOL, 'ESCALATE_TO_ALS'],
    ]);
    const school = result.decisions[1]!;
    expect(school.trace[1]).toEqual({ rule: 'E2', matched: true, detail: '2 candidates at the orgnr; one decision and at most one task' });
    expect(school.stoppunkt1Task).toEqual({ ...TASK, orgnr: SCHOOL });
  });

  describe('E3: suppress a call within suppressDays (inclusive)', () => {
    // 2024-11-26 → 2025-02-24 is 30 + 30 + 30 = 90 days (Nov 26 → Dec 26 → Jan 25 → Feb 24).
    it('suppresses when the last call was exactly 90 days before the batch, flagged for a possible re-call', () => {
      const decision = only(batch([candidate('c-1')], { [SMALL_SHOP]: employer({ lastCallOn: '2024-11-26' }) }));
      expect(decision).toMatchObject({ outcome: 'SUPPRESSED', rule: 'E3', stoppunkt1Task: null, flags: [FLAG_RECALL_CANDIDATE] });
      expect(decision.reasons).toEqual(['E3: called on 2024-11-26, 90 days before the batch (within 90); no call task, flagged for a possible re-call']);
    });

    it('calls when the last call was 91 days before', () => {
      const decision = only(batch([candidate('c-1')], { [SMALL_SHOP]: employer({ lastCallOn: '2024-11-25' }) }));
      expect(decision).toMatchObject({ outcome: 'CALL', rule: 'E5', stoppunkt1Task: TASK, flags: [] });
      expect(decision.trace[2]).toEqual({ rule: 'E3', matched: false, detail: 'last call 2024-11-25, 91 days before the batch; suppressed within 90 days' });
    });

    it('takes suppressDays from the config', () => {
      const input = batch([candidate('c-1')], { [SMALL_SHOP]: employer({ lastCallOn: '2025-01-25' }) }); // 30 days before
      expect(only(input, { suppressDays: 30 }).outcome).toBe('SUPPRESSED');
      expect(only(input, { suppressDays: 29 }).outcome).toBe('CALL');
    });
  });

  describe('E4: escalate to the Arbeidslivssenter', () => {
    it('on the 3rd appearance in 12 months counting this batch, with a call task; not on the 2nd', () => {
      const third = only(batch([candidate('c-1')], { [SMALL_SHOP]: employer({ previousAppearances: ['2024-06-03', '2024-11-04'] }) }));
      expect(third).toMatchObject({ outcome: 'ESCALATE_TO_ALS', rule: 'E4', stoppunkt1Task: TASK, flags: [] });
      expect(third.reasons).toEqual(['E4: 3 appearances in 12 months; escalated to the Arbeidslivssenter with a call task']);
      const second = only(batch([candidate('c-1')], { [SMALL_SHOP]: employer({ previousAppearances: ['2024-11-04'] }) }));
      expect(second).toMatchObject({ outcome: 'CALL', rule: 'E5' });
    });

    it('counts an appearance exactly 12 months back (2024-02-24), not one a day older, and ignores repeats and the batch itself', () => {
      const appearances = (previousAppearances: string[]) => only(batch([candidate('c-1')], { [SMALL_SHOP]: employer({ previousAppearances }) })).outcome;
      expect(appearances(['2024-02-24', '2024-09-02'])).toBe('ESCALATE_TO_ALS');
      expect(appearances(['2024-02-23', '2024-09-02'])).toBe('CALL');
      expect(appearances(['2024-09-02', '2024-09-02', BATCH])).toBe('CALL');
    });

    it('on 2 employees 100 % sick-listed at once, not on 1', () => {
      const two = only(batch([candidate('c-1')], { [SMALL_SHOP]: employer({ concurrentFullSickListed: 2 }) }));
      expect(two).toMatchObject({ outcome: 'ESCALATE_TO_ALS', rule: 'E4', stoppunkt1Task: TASK });
      expect(two.reasons).toEqual(['E4: 2 employees 100 % sick-listed at once; escalated to the Arbeidslivssenter with a call task']);
      expect(only(batch([candidate('c-1')], { [SMALL_SHOP]: employer({ concurrentFullSickListed: 1 }) })).outcome).toBe('CALL');
    });

    it('still escalates when E3 suppressed the call, but without a task', () => {
      const decision = only(
        batch([candidate('c-1')], {
          [SMALL_SHOP]: employer({ lastCallOn: '2025-02-03', previousAppearances: ['2024-12-02', '2025-02-03'], concurrentFullSickListed: 3 }),
        }),
      );
      expect(decision).toMatchObject({ outcome: 'ESCALATE_TO_ALS', rule: 'E4', stoppunkt1Task: null, flags: [FLAG_RECALL_CANDIDATE] });
      expect(decision.reasons).toEqual([
        'E4: 3 appearances in 12 months and 3 employees 100 % sick-listed at once; escalated to the Arbeidslivssenter',
        'E3: called on 2025-02-03, 21 days before the batch (within 90); no call task, flagged for a possible re-call',
      ]);
      expect(decision.trace.map(({ rule, matched }) => [rule, matched])).toEqual([
        ['E1', true],
        ['E2', false],
        ['E3', true],
        ['E4', true],
        ['E5', false],
      ]);
    });
  });

  describe('privacy', () => {
    it('the task holds only orgnr, week and batch date: no candidate key, no count', () => {
      const decision = only(
        batch([candidate('c-1'), candidate('c-2')], { [SMALL_SHOP]: employer({ concurrentFullSickListed: 2, previousAppearances: ['2024-12-02'] }) }),
      );
      expect(Object.keys(decision.stoppunkt1Task ?? {}).sort()).toEqual(['batchDate', 'isoWeek', 'orgnr']);
      expect(JSON.stringify(decision.stoppunkt1Task)).not.toMatch(/c-1|c-2|"2"|:2\b/);
    });

    it('refuses a candidate key that could be a fødselsnummer', () => {
      expect(() => evaluateSfSp1Batch(batch([candidate('01417012345')]))).toThrow(/opaque ids/);
      expect(() => evaluateSfSp1Batch(batch([candidate('sp1-01417012345')]))).toThrow(/opaque ids/);
    });

    it('refuses an invalid orgnr and an employer without facts', () => {
      expect(() => evaluateSfSp1Batch(batch([candidate('c-1', { orgnr: '123456789' })]))).toThrow(/orgnr '123456789' is invalid/);
      expect(() => evaluateSfSp1Batch(batch([candidate('c-1', { orgnr: SCHOOL })]))).toThrow(`no employer facts for orgnr ${SCHOOL}`);
    });
  });

  it('records the facts it used as plain JSON, keeping only appearances within 12 months', () => {
    const decision = only(
      batch([candidate('c-2'), candidate('c-1')], {
        [SMALL_SHOP]: employer({ previousAppearances: ['2023-05-01', '2024-12-02'], lastCallOn: '2024-12-04', concurrentFullSickListed: 2 }),
      }),
    );
    expect(decision.inputs).toEqual({
      batchDate: BATCH,
      orgnr: SMALL_SHOP,
      window: { from: '2025-02-17', to: '2025-02-23' },
      candidateKeys: ['c-1', 'c-2'],
      previousAppearancesIn12Months: ['2024-12-02'],
      lastCallOn: '2024-12-04',
      concurrentFullSickListed: 2,
      config: { suppressDays: 90 },
    });
  });
});
