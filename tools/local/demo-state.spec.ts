import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { DemoSettings } from './demo-settings';
import { DEMO_SEED, planRun, readState, writeState, type DemoState } from './demo-state';

const settings: DemoSettings = { region: 'vest-viken', historyDays: 90, scale: 0.005 };
const OID = 16_384;
// 23 November 2026 minus 90 days: 30 in November (to 24 Oct), 30 in October (to 24 Sep), 30 more → 25 August.
const TODAY = '2026-11-23';
const NOW = new Date('2026-11-23T12:00:00.000Z');

const previous = (change: Partial<DemoState> = {}): DemoState => ({
  databaseOid: OID,
  simulation: { seed: DEMO_SEED, area: 'vest-viken', scale: 0.005, firstYear: 2026, lastYear: 2027 },
  replayedThrough: '2026-11-20',
  clockAt: '2026-11-20T20:00:00.000Z',
  live: { day: '2026-11-20', notes: 7 },
  showcase: { firstDay: '2026-08-22' },
  ...change,
});

describe('planRun', () => {
  it('starts a fresh demo at the first day of the window, simulating from its year to a year past today', () => {
    expect(planRun(undefined, settings, OID, NOW, TODAY)).toEqual({
      simulation: { seed: DEMO_SEED, area: 'vest-viken', scale: 0.005, firstYear: 2026, lastYear: 2027 },
      firstDay: '2026-08-25',
      resumeDay: '2026-08-25',
      clockStart: '2026-08-25T20:00:00.000Z',
      liveNotes: 0,
    });
  });

  it('simulates from the previous year when the window reaches back over new year', () => {
    // 20 January 2027 minus 90 days is 22 October 2026.
    const plan = planRun(undefined, settings, OID, new Date('2027-01-20T12:00:00Z'), '2027-01-20');
    expect(plan.firstDay).toBe('2026-10-22');
    expect(plan.simulation).toMatchObject({ firstYear: 2026, lastYear: 2028 });
  });

  it('treats a state written for another database (dropped and created again) as none', () => {
    expect(planRun(previous(), settings, OID + 1, NOW, TODAY)).toMatchObject({ resumeDay: '2026-08-25', clockStart: '2026-08-25T20:00:00.000Z' });
  });

  it('carries on the day after the last one replayed, with the same population', () => {
    expect(planRun(previous(), settings, OID, NOW, TODAY)).toEqual({
      simulation: previous().simulation,
      firstDay: '2026-08-25',
      resumeDay: '2026-11-21',
      clockStart: '2026-11-21T20:00:00.000Z',
      liveNotes: 0,
    });
  });

  it('goes straight to live when yesterday was replayed, clocks no earlier than they were, numbering live notes on', () => {
    const plan = planRun(previous({ replayedThrough: '2026-11-22', clockAt: '2026-11-23T09:00:00.000Z', live: { day: TODAY, notes: 41 } }), settings, OID, NOW, TODAY);
    expect(plan).toMatchObject({ resumeDay: TODAY, clockStart: NOW.toISOString(), liveNotes: 41 });
  });

  it('starts the clocks where they were last when that is later than the resume day', () => {
    // Stopped live at 23:30 in Oslo on the 21st: that day is finished from there, not from 20:00 UTC.
    const plan = planRun(previous({ clockAt: '2026-11-21T22:30:00.000Z' }), settings, OID, NOW, TODAY);
    expect(plan).toMatchObject({ resumeDay: '2026-11-21', clockStart: '2026-11-21T22:30:00.000Z' });
  });

  it('replays the whole window again when the last run ended before it', () => {
    const plan = planRun(previous({ replayedThrough: '2026-05-01', clockAt: '2026-05-01T20:00:00.000Z' }), settings, OID, NOW, TODAY);
    expect(plan).toMatchObject({ resumeDay: '2026-08-25', clockStart: '2026-08-25T20:00:00.000Z' });
  });

  it('refuses to mix in a population made with another scale or for another region', () => {
    expect(() => planRun(previous(), { ...settings, scale: 0.01 }, OID, NOW, TODAY)).toThrow('the database holds a demo of vest-viken at scale 0.005 for 2026–2027');
    expect(() => planRun(previous(), { ...settings, region: 'agder' }, OID, NOW, TODAY)).toThrow(RangeError);
  });

  it('refuses when the held population does not cover the window', () => {
    // A window from 25 August 2026 cannot use a population that starts in 2027, nor one that ends before today's year.
    expect(() => planRun(previous({ simulation: { ...previous().simulation, firstYear: 2027 } }), settings, OID, NOW, TODAY)).toThrow(RangeError);
    expect(() => planRun(previous({ simulation: { ...previous().simulation, firstYear: 2025, lastYear: 2025 } }), settings, OID, NOW, TODAY)).toThrow(RangeError);
    expect(planRun(previous({ simulation: { ...previous().simulation, firstYear: 2025, lastYear: 2026 } }), settings, OID, NOW, TODAY).simulation).toMatchObject({ firstYear: 2025, lastYear: 2026 });
  });
});

describe('readState and writeState', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-state-'));

  it('read back what was written', () => {
    const path = join(dir, 'nested', 'state.json');
    writeState(path, previous());
    expect(readState(path)).toEqual(previous());
  });

  it('read nothing from a missing, broken or foreign file', () => {
    expect(readState(join(dir, 'missing.json'))).toBeUndefined();
    writeFileSync(join(dir, 'broken.json'), '{"databaseOid": 1,');
    expect(readState(join(dir, 'broken.json'))).toBeUndefined();
    writeFileSync(join(dir, 'foreign.json'), JSON.stringify({ ...previous(), clockAt: 'yesterday' }));
    expect(readState(join(dir, 'foreign.json'))).toBeUndefined();
  });
});
