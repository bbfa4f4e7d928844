import { osloDate } from '@syfo/local-date';
import type { LocalEnvironment, LocalService } from '@syfo/testing';

import { PlatformClock, laterInstant, replayInstant } from './demo-clock';

describe('replayInstant', () => {
  it('is the same date in Oslo in winter (21:00 CET) and in summer (22:00 CEST)', () => {
    expect(replayInstant('2026-01-15')).toBe('2026-01-15T20:00:00.000Z');
    expect(osloDate(new Date(replayInstant('2026-01-15')))).toBe('2026-01-15');
    expect(osloDate(new Date(replayInstant('2026-07-15')))).toBe('2026-07-15');
    // The last Sunday of March, the night the clocks go forward.
    expect(osloDate(new Date(replayInstant('2026-03-29')))).toBe('2026-03-29');
  });
});

describe('laterInstant', () => {
  it('compares instants, not strings', () => {
    expect(laterInstant('2026-01-15T20:00:00.000Z', '2026-01-15T21:00:00+02:00')).toBe('2026-01-15T20:00:00.000Z');
    expect(laterInstant('2026-01-15T20:00:00Z', '2026-01-15T20:00:01Z')).toBe('2026-01-15T20:00:01Z');
  });
});

describe('PlatformClock', () => {
  const services: LocalService[] = [
    { name: 'case-intake', schema: 'case_intake', grpcPort: 1, httpPort: 8081 },
    { name: 'triage', schema: 'triage', grpcPort: 2, httpPort: 8082 },
  ];
  const env = { portOffset: 0 } as LocalEnvironment;
  let puts: [string, string][];

  beforeEach(() => {
    puts = [];
    jest.spyOn(global, 'fetch').mockImplementation(async (url, init) => {
      puts.push([String(url), (JSON.parse(String(init?.body)) as { now: string }).now]);
      return new Response('{}', { status: 200 });
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('moves every service forward together', async () => {
    const clock = new PlatformClock(services, env, '2026-03-01T20:00:00.000Z');
    await clock.set('2026-03-02T20:00:00.000Z');
    expect(puts).toEqual([
      ['http://127.0.0.1:8081/admin/clock', '2026-03-02T20:00:00.000Z'],
      ['http://127.0.0.1:8082/admin/clock', '2026-03-02T20:00:00.000Z'],
    ]);
    expect(clock.now).toBe('2026-03-02T20:00:00.000Z');
  });

  it('never asks a service to go back: an earlier target leaves the clocks where they are', async () => {
    const clock = new PlatformClock(services, env, '2026-03-05T09:00:00.000Z');
    await clock.set('2026-03-04T20:00:00.000Z');
    expect(puts.map(([, now]) => now)).toEqual(['2026-03-05T09:00:00.000Z', '2026-03-05T09:00:00.000Z']);
    expect(clock.now).toBe('2026-03-05T09:00:00.000Z');
  });

  it('fails loudly when a service refuses', async () => {
    jest.spyOn(global, 'fetch').mockImplementation(async () => new Response('forward_only', { status: 409 }));
    await expect(new PlatformClock(services, env, '2026-03-05T09:00:00.000Z').set('2026-03-06T09:00:00.000Z')).rejects.toThrow('case-intake refused the clock 2026-03-06T09:00:00.000Z: 409 forward_only');
  });
});
