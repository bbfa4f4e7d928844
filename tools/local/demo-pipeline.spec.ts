import { consumerLag, dayDone, describeReading, outboxPending, type PipelineReading } from './demo-pipeline';

describe('outboxPending', () => {
  it("reads the gauge from a service's Prometheus text", () => {
    const metrics = [
      '# HELP syfo_events_processed_total Events applied by consumers',
      'syfo_events_processed_total{group="triage.intake-events",service="triage"} 512',
      '# HELP syfo_outbox_pending Outbox rows not yet published',
      '# TYPE syfo_outbox_pending gauge',
      'syfo_outbox_pending{service="triage"} 3',
      'nodejs_heap_size_total_bytes{service="triage"} 1.2e+08',
    ].join('\n');
    expect(outboxPending(metrics)).toBe(3);
    expect(outboxPending('syfo_outbox_pending 0\n')).toBe(0);
  });

  it('says nothing when the gauge is missing', () => {
    expect(outboxPending('syfo_outbox_pending_total{service="x"} 4\n')).toBeUndefined();
  });
});

describe('consumerLag', () => {
  it('counts from the committed offset to the end of each partition', () => {
    const ends = [
      { partition: 0, high: '10', low: '0' },
      { partition: 1, high: '5', low: '0' },
      { partition: 2, high: '0', low: '0' },
    ];
    // Partition 0: 10 − 7 = 3; partition 1: nothing committed yet, 5 − 0 = 5; partition 2 is empty.
    expect(consumerLag(ends, [{ partition: 0, offset: '7' }])).toBe(8);
    expect(consumerLag(ends, [{ partition: 0, offset: '10' }, { partition: 1, offset: '5' }, { partition: 2, offset: '-1' }])).toBe(0);
  });

  it('counts only messages the broker still keeps', () => {
    expect(consumerLag([{ partition: 0, high: '10', low: '4' }], [{ partition: 0, offset: '-1' }])).toBe(6);
  });
});

describe('dayDone', () => {
  const reading = (change: Partial<PipelineReading['schedule']> = {}, inFlight = 0): PipelineReading => ({
    inFlight,
    schedule: { today: '2026-09-14', dueBacklog: 0, nextCheckOn: '2026-09-15', lastRunAt: '2026-09-14T20:00:00.000Z', lastRunFor: '2026-09-14', ...change },
  });

  it('once triage has run the day with no one left due and nothing is in flight', () => {
    expect(dayDone(reading(), '2026-09-14')).toBe(true);
  });

  it.each([
    ['an event still in flight', reading({}, 1)],
    ['persons still due', reading({ dueBacklog: 2 })],
    ["the schedule not yet run for the day (the day before's run)", reading({ lastRunFor: '2026-09-13' })],
    ['triage not at the day yet', reading({ today: '2026-09-13', lastRunFor: '2026-09-13' })],
  ])('not with %s', (_case, value) => {
    expect(dayDone(value, '2026-09-14')).toBe(false);
  });

  it('describes what it is waiting for', () => {
    expect(describeReading(reading({ dueBacklog: 4, lastRunFor: '' }, 1234))).toBe('1,234 events in flight, triage at 2026-09-14 (schedule ran for no day yet, 4 persons due)');
  });
});
