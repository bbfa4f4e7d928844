import { CONSUMER_GROUPS, type ConsumerGroup, type triageFollowUpV1 } from '@syfo/contracts';
import type { LocalDate } from '@syfo/local-date';
import { LOCAL_SERVICES, grpcAddress, grpcClient, httpBase, localService, testKafka, type LocalEnvironment } from '@syfo/testing';
import type { Admin } from 'kafkajs';

import type { PlatformClock } from './demo-clock';
import { every } from './demo-replay';

/** The outbox rows a service has not published yet, from its Prometheus text; undefined when it does not say. */
export function outboxPending(metrics: string): number | undefined {
  const match = /^syfo_outbox_pending(?:\{[^}]*\})?\s+(\S+)\s*$/m.exec(metrics);
  return match ? Number(match[1]) : undefined;
}

export interface PartitionEnd {
  readonly partition: number;
  readonly high: string;
  readonly low: string;
}

/** Messages a group has still to get through on one topic: from its committed offset (or the oldest kept) to the end. */
export function consumerLag(ends: readonly PartitionEnd[], committed: readonly { readonly partition: number; readonly offset: string }[]): number {
  return ends.reduce((sum, end) => {
    const done = Number(committed.find((partition) => partition.partition === end.partition)?.offset ?? '-1');
    return sum + Math.max(0, Number(end.high) - Math.max(done, Number(end.low)));
  }, 0);
}

export interface PipelineReading {
  /** Outbox rows not yet published plus messages not yet consumed, over all services. */
  readonly inFlight: number;
  readonly schedule: triageFollowUpV1.GetScheduleStatusResponse;
}

/** Triage has moved every milestone due on `day`, and nothing is on its way between services. */
export function dayDone(reading: PipelineReading, day: LocalDate): boolean {
  return reading.inFlight === 0 && reading.schedule.today === day && reading.schedule.lastRunFor === day && reading.schedule.dueBacklog === 0;
}

const POLL_MS = 100;
/** Readings in a row that must agree: the services are read one after another, not in one instant. */
const CONFIRMATIONS = 2;
/** A scheduler that saw no due persons before the day's events arrived is woken again after this. */
const NUDGE_AFTER_MS = 1_000;

/**
 * What is still moving through the platform, read from outside as an operator would: each service's
 * outbox gauge on /metrics, each consumer group's lag on the broker, and triage's schedule status.
 */
export class PlatformPipeline {
  private readonly admin: Admin;
  private readonly schedule: ReturnType<typeof grpcClient>;

  public constructor(private readonly env: LocalEnvironment) {
    this.admin = testKafka(env.kafkaBrokers).admin();
    this.schedule = grpcClient('triage', 'ScheduleService', grpcAddress(localService('triage'), env));
  }

  public async connect(): Promise<void> {
    await this.admin.connect();
  }

  public async close(): Promise<void> {
    this.schedule.close();
    await this.admin.disconnect();
  }

  public async read(): Promise<PipelineReading> {
    const [outboxes, lags, schedule] = await Promise.all([
      Promise.all(LOCAL_SERVICES.map((service) => this.outbox(httpBase(service, this.env)))),
      this.lags(),
      this.schedule.call<triageFollowUpV1.GetScheduleStatusResponse>('GetScheduleStatus', {}),
    ]);
    return { inFlight: [...outboxes, ...lags].reduce((sum, value) => sum + value, 0), schedule };
  }

  /**
   * Waits until `day` is done (see dayDone). A document whose tilfelle makes a person due today may
   * land after the scheduler's run for the day, so a quiet platform with a backlog left wakes triage.
   */
  public async settle(day: LocalDate, clock: PlatformClock, onWait: (reading: PipelineReading) => void, timeoutMs = 600_000): Promise<void> {
    const started = performance.now();
    const report = every(5_000);
    let confirmations = 0;
    let nudged = started;
    for (;;) {
      const reading = await this.read();
      confirmations = dayDone(reading, day) ? confirmations + 1 : 0;
      if (confirmations >= CONFIRMATIONS) return;
      if (reading.inFlight === 0 && reading.schedule.dueBacklog > 0 && performance.now() - nudged > NUDGE_AFTER_MS) {
        await clock.nudge(localService('triage'));
        nudged = performance.now();
      }
      if (performance.now() - started > timeoutMs) throw new Error(`the platform did not settle on ${day} within ${timeoutMs / 1000} s: ${describeReading(reading)}`);
      if (report()) onWait(reading);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async outbox(base: string): Promise<number> {
    const pending = outboxPending(await (await fetch(`${base}/metrics`)).text());
    if (pending === undefined) throw new Error(`${base}/metrics has no syfo_outbox_pending`);
    return pending;
  }

  /** Every group's lag, each topic's end read once however many groups consume it. */
  private async lags(): Promise<number[]> {
    const groups = Object.keys(CONSUMER_GROUPS) as ConsumerGroup[];
    const topics = [...new Set(groups.flatMap((group) => CONSUMER_GROUPS[group].topics))];
    const ends = new Map(await Promise.all(topics.map(async (topic) => [topic, await this.admin.fetchTopicOffsets(`${this.env.topicPrefix}${topic}`)] as const)));
    return Promise.all(
      groups.map(async (group) => {
        const committed = await this.admin.fetchOffsets({ groupId: `${this.env.topicPrefix}${group}`, topics: CONSUMER_GROUPS[group].topics.map((topic) => `${this.env.topicPrefix}${topic}`) });
        return CONSUMER_GROUPS[group].topics.reduce(
          (sum, topic) => sum + consumerLag(ends.get(topic)!, committed.find((entry) => entry.topic === `${this.env.topicPrefix}${topic}`)?.partitions ?? []),
          0,
        );
      }),
    );
  }
}

export function describeReading(reading: PipelineReading): string {
  const { schedule } = reading;
  return `${reading.inFlight.toLocaleString('en-US')} events in flight, triage at ${schedule.today || '?'} (schedule ran for ${schedule.lastRunFor || 'no day yet'}, ${schedule.dueBacklog} persons due)`;
}
