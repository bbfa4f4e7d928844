import { delayFigures, type NoteTimes } from './pipeline';

describe('delayFigures', () => {
  // Three notes sent one second apart; each stage later than the one before.
  const sentAt = new Map([
    ['p-0', 1_000],
    ['p-1', 2_000],
    ['p-2', 3_000],
  ]);
  const times = new Map<string, NoteTimes>([
    ['p-0', { accepted: 1_010, triage: 1_100, statistics: 1_300 }],
    ['p-1', { accepted: 2_020, triage: 2_400, statistics: 2_200 }],
    ['p-2', { accepted: 3_030, triage: 3_500, statistics: 4_000 }],
  ]);

  it('measures each note from its own submission to each stage, and to the later of the two consumers', () => {
    const figures = delayFigures('max', sentAt, times);
    expect(figures['max.delay.accepted.p50']).toBe(20);
    expect(figures['max.delay.triage.max']).toBe(500);
    // Both: 300, 400 and 1,000 ms.
    expect(figures['max.delay.both.p50']).toBe(400);
    expect(figures['max.delay.both.p99']).toBe(1_000);
    expect(figures['max.delay.both.max']).toBe(1_000);
  });

  it('rates the phase from the first submission until the last note was done by both', () => {
    const figures = delayFigures('max', sentAt, times);
    // 3 notes from 1,000 ms to 4,000 ms.
    expect(figures['max.notesPerS']).toBe(1);
    // Offered: 2 intervals over 2 s.
    expect(figures['max.submittedPerS']).toBe(1);
  });

  it('counts a note a stage never saw instead of leaving it out quietly', () => {
    const partial = new Map(times);
    partial.set('p-1', { accepted: 2_020, triage: 2_400 });
    const figures = delayFigures('steady', sentAt, partial);
    expect(figures['steady.missing.statistics']).toBe(1);
    expect(figures['steady.missing.both']).toBe(1);
    expect(figures['steady.missing.triage']).toBe(0);
    expect(figures['steady.notes']).toBe(3);
  });
});
