import { randomUUID } from 'node:crypto';

import { EnvelopeSchema, type EventDefinition, type PayloadOf, type TilfellerChanged } from '@syfo/contracts';
import type { LocalDate } from '@syfo/local-date';
import {
  DEFAULT_ENVIRONMENT,
  ServiceProcess,
  deleteTopicsWithPrefix,
  eventually,
  grpcAddress,
  grpcClient,
  groupCaughtUp,
  httpBase,
  localService,
  prepareInfrastructure,
  produceRaw,
  readTopicToEnd,
  recreateDatabase,
  testKafka,
  withDatabase,
  type LocalEnvironment,
} from '@syfo/testing';

import type { TilfelleFacts } from '../src/milestones/milestone.types';

const TRIAGE = localService('triage');

export const ACTOR = { 'x-actor': 'Z990042' };

export function tilfelle(start: LocalDate, end: LocalDate, orgnrs: readonly string[], fields: Partial<TilfelleFacts> = {}): TilfelleFacts {
  return {
    start,
    end,
    antallSykedager: 1 + Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000),
    virksomhetsnummerList: [...orgnrs],
    arbeidstakerAtTilfelleEnd: orgnrs.length > 0,
    gradertAtTilfelleEnd: false,
    ...fields,
  };
}

/**
 * triage alone, as a real process on a simulated clock, in its own database and Kafka namespace, fed
 * case-intake's events over real Kafka the way case-intake publishes them.
 */
export class TriageHarness {
  public readonly env: LocalEnvironment;
  public readonly kafka;
  private service: ServiceProcess;
  private readonly revisions = new Map<string, number>();

  public constructor(name: string, region: string, portOffset: number, startDay: LocalDate) {
    this.env = { ...DEFAULT_ENVIRONMENT, region, database: `syfo_${name.replaceAll('-', '_')}`, portOffset, topicPrefix: `${name}-${randomUUID().slice(0, 8)}.` };
    this.kafka = testKafka(this.env.kafkaBrokers);
    this.service = new ServiceProcess(TRIAGE, this.env, this.overrides(startDay));
  }

  public async start(): Promise<void> {
    await recreateDatabase(this.env);
    await prepareInfrastructure(this.env);
    await this.service.start();
  }

  /** SIGKILL, then a new process from the given day: nothing in memory survives. */
  public async restart(day: LocalDate): Promise<void> {
    await this.service.kill();
    this.service = new ServiceProcess(TRIAGE, this.env, this.overrides(day));
    await this.service.start();
  }

  public async stop(): Promise<void> {
    await this.service.kill();
    await deleteTopicsWithPrefix(this.kafka, this.env.topicPrefix);
  }

  /** Moves the clock to 06:30 UTC on the day and waits until the day's schedule has run to the end. */
  public async day(day: LocalDate): Promise<void> {
    const response = await fetch(`${httpBase(TRIAGE, this.env)}/admin/clock`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: `${day}T06:30:00Z` }),
    });
    if (!response.ok) throw new Error(`clock refused ${day}: ${response.status} ${await response.text()}`);
    await eventually(async () => expect(await this.call('ScheduleService', 'GetScheduleStatus', {})).toMatchObject({ today: day, lastRunFor: day, dueBacklog: 0 }), {
      timeoutMs: 30_000,
      intervalMs: 20,
    });
  }

  public async tilfeller(personIdent: string, tilfeller: readonly TilfelleFacts[], day: LocalDate): Promise<void> {
    const revision = (this.revisions.get(personIdent) ?? 0) + 1;
    this.revisions.set(personIdent, revision);
    const payload: TilfellerChanged = {
      personIdent,
      tilfeller: tilfeller.map((t) => ({ ...t, virksomhetsnummerList: [...t.virksomhetsnummerList] })),
      recurringAbsence: false,
      revision,
      computedAt: `${day}T05:00:00.000Z`,
    };
    await this.publish('intake.tilfelle-person.v1', 'intake.tilfelle-person', personIdent, payload, day);
  }

  /** Publishes an event as case-intake would, and waits until triage has consumed it. */
  public async publish<E extends EventDefinition>(topic: E['topic'], type: E['type'], key: string, payload: PayloadOf<E> | TilfellerChanged, day: LocalDate): Promise<void> {
    const envelope = { eventId: randomUUID(), type, version: 1, occurredAt: `${day}T05:00:00.000Z`, region: this.env.region, correlationId: `it-${day}`, payload };
    const fullTopic = `${this.env.topicPrefix}${topic}`;
    await produceRaw(this.kafka, fullTopic, [{ key, value: JSON.stringify(envelope) }]);
    await eventually(async () => expect(await groupCaughtUp(this.kafka, `${this.env.topicPrefix}triage.intake-events`, fullTopic)).toBe(true), { timeoutMs: 30_000, intervalMs: 50 });
  }

  public async call<T = Record<string, unknown>>(service: string, method: string, request: unknown): Promise<T> {
    const client = grpcClient('triage', service, grpcAddress(TRIAGE, this.env));
    try {
      return await client.call<T>(method, request, ACTOR);
    } finally {
      client.close();
    }
  }

  /**
   * Every event triage published on a topic, once its outbox is empty; each envelope must be valid.
   * Delivery is at least once (a relay killed between send and mark sends again), so a message seen
   * twice with the same event id counts once, as every consumer's inbox counts it.
   */
  public async published<T>(topic: string): Promise<T[]> {
    await eventually(async () => expect(await this.sql('SELECT count(*)::int AS n FROM triage.outbox_message WHERE published_at IS NULL').then((rows) => rows[0]!['n'])).toBe(0), {
      timeoutMs: 60_000,
      intervalMs: 200,
    });
    const envelopes = (await readTopicToEnd(this.kafka, `${this.env.topicPrefix}${topic}`)).map((message) => EnvelopeSchema.parse(JSON.parse(String(message.value))));
    const seen = new Set<string>();
    return envelopes.filter((envelope) => !seen.has(envelope.eventId) && seen.add(envelope.eventId)).map((envelope) => envelope.payload as T);
  }

  public async sql(text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    return withDatabase(this.env, async (client) => (await client.query(text, params)).rows);
  }

  private overrides(day: LocalDate): Record<string, string> {
    return { CLOCK_MODE: 'simulated', CLOCK_START: `${day}T05:00:00Z`, SCHEDULER_POLL_INTERVAL_MS: '60000', OUTBOX_POLL_INTERVAL_MS: '50' };
  }
}
