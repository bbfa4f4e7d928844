import { deadLetterTopic, type ConsumerGroup, type FieldViolation } from '@syfo/contracts';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';

import { withDeferredWrites } from '../persistence/deferred-writes';
import { decodeMessage, handlerKey } from './envelope-decoder';
import { PoisonMessageError, type EventHandler } from './event-handler';
import { backoffMs, delay, isInfrastructureError } from './retry';

export interface EventConsumerOptions {
  readonly group: ConsumerGroup;
  readonly topics: readonly string[];
  readonly handlers: readonly EventHandler[];
  readonly topicPrefix: string;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  /** Consecutive events of a partition applied in one transaction; 1 for a transaction per event. */
  readonly batchSize?: number;
  readonly onProcessed?: () => void;
  readonly onDeadLettered?: (reason: string) => void;
}

export interface DeadLetterReason {
  readonly reason: string;
  readonly violations: readonly FieldViolation[];
  readonly error?: string;
}

/** Partitions (of any of the group's topics) processed at once, each in its own transaction. */
const PARTITIONS_AT_ONCE = 3;

class ShuttingDown extends Error {}

type Decoded = ReturnType<typeof decodeMessage>;
type DecodedEvent = Extract<Decoded, { ok: true }>;
type Source = { readonly topic: string; readonly partition: number; readonly offset: string };

/**
 * One consumer group. Delivery is at least once (offsets are committed after processing), and the
 * inbox makes processing exactly once: the event id is recorded in the same transaction as the
 * handler's writes. Consecutive events of a partition share one transaction (`batchSize`), so a
 * commit and its WAL flush are paid once per batch; if the batch fails, its events are applied one
 * at a time, so one bad event costs only itself. Bad messages go to the group's dead-letter topic
 * with their reason, so the partition keeps flowing; database outages are waited out instead.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly handlers: Map<string, EventHandler>;
  private stopping = false;
  private running = false;
  public processed = 0;
  public deadLettered = 0;

  public constructor(
    kafka: Kafka,
    private readonly producer: Producer,
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    private readonly options: EventConsumerOptions,
  ) {
    this.consumer = kafka.consumer({ groupId: `${options.topicPrefix}${options.group}`, allowAutoTopicCreation: false, sessionTimeout: 15_000, heartbeatInterval: 3_000 });
    this.handlers = new Map(options.handlers.map((handler) => [handlerKey(handler.event.type, handler.event.version), handler]));
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.running = false;
      this.logger.error({ group: options.group, err: payload.error?.message, restart: payload.restart }, 'consumer crashed');
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => (this.running = true));
  }

  public get isRunning(): boolean {
    return this.running && !this.stopping;
  }

  public async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.options.topics.map((topic) => `${this.options.topicPrefix}${topic}`), fromBeginning: true });
    await this.consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: PARTITIONS_AT_ONCE,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /** Waits for messages in flight, commits their offsets and leaves the group. */
  public async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.disconnect();
    this.running = false;
  }

  /** The fetched messages of one partition, in order, a chunk of `batchSize` per transaction; each chunk's offset resolved once applied. */
  private async onBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const size = this.options.batchSize ?? 1;
    for (let start = 0; start < batch.messages.length; start += size) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + size).map((message) => ({ message, decoded: decodeMessage(message.value, this.handlers) }));
      if (!(chunk.length > 1 && (await this.applyTogether(batch.topic, batch.partition, chunk, heartbeat)))) {
        for (const { message, decoded } of chunk) {
          await this.onMessage({ topic: batch.topic, partition: batch.partition, offset: message.offset }, message, decoded, heartbeat);
          await heartbeat();
        }
      }
      resolveOffset(chunk[chunk.length - 1]!.message.offset);
      await heartbeat();
    }
  }

  /**
   * Applies a chunk in one transaction: one inbox insert for all its event ids, then each new event's
   * handler in order. False when it could not (a message that does not decode, or any failure, which
   * rolls everything back), and the caller applies the events one at a time instead.
   */
  private async applyTogether(
    topic: string,
    partition: number,
    chunk: readonly { message: KafkaMessage; decoded: Decoded }[],
    heartbeat: () => Promise<void>,
  ): Promise<boolean> {
    const events = chunk.map(({ decoded }) => decoded).filter((decoded): decoded is DecodedEvent => decoded.ok);
    if (events.length < chunk.length) return false;
    try {
      await this.dataSource.transaction(async (manager) => {
        const inserted: { event_id: string }[] = await manager.query(
          'INSERT INTO inbox_entry (consumer_group, event_id, topic) SELECT $1, id, $3 FROM unnest($2::uuid[]) AS id ON CONFLICT DO NOTHING RETURNING event_id',
          [this.options.group, events.map(({ envelope }) => envelope.eventId), topic],
        );
        const fresh = new Set(inserted.map((row) => row.event_id));
        // delete: the same event twice in one chunk is applied once.
        await this.applyInTransaction(manager, events.filter(({ envelope }) => fresh.delete(envelope.eventId)), heartbeat);
      });
    } catch (error) {
      if (this.stopping) throw new ShuttingDown('not processed; the offsets stay uncommitted for the next owner');
      this.logger.warn({ topic, partition, group: this.options.group, events: events.length, err: error instanceof Error ? error.message : String(error) }, 'batch failed; applying its events one at a time');
      return false;
    }
    this.processed += events.length;
    for (let i = 0; i < events.length; i += 1) this.options.onProcessed?.();
    return true;
  }

  /** New events in the transaction that recorded them: each handler prepares once, then every event is handled in order, then the deferred writes. */
  private async applyInTransaction(manager: EntityManager, events: readonly DecodedEvent[], heartbeat: () => Promise<void>): Promise<void> {
    await withDeferredWrites(manager, async () => {
      const byHandler = new Map<EventHandler, unknown[]>();
      for (const { envelope, handler } of events) {
        const payloads = byHandler.get(handler) ?? [];
        payloads.push(envelope.payload);
        byHandler.set(handler, payloads);
      }
      for (const [handler, payloads] of byHandler) await handler.prepare?.(payloads, manager);
      for (const { envelope, handler } of events) {
        await handler.handle(envelope.payload, envelope, manager);
        // A slow batch must not outlast the session: the group would hand its partition to another member meanwhile.
        await heartbeat();
      }
    });
  }

  private async onMessage(source: Source, message: KafkaMessage, decoded: Decoded, heartbeat: () => Promise<void>): Promise<void> {
    if (!decoded.ok) {
      await this.deadLetter(message, source, { reason: decoded.reason, violations: decoded.violations });
      return;
    }
    const { envelope } = decoded;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.dataSource.transaction(async (manager) => {
          const inserted: unknown[] = await manager.query(
            'INSERT INTO inbox_entry (consumer_group, event_id, topic) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id',
            [this.options.group, envelope.eventId, source.topic],
          );
          if (inserted.length > 0) await this.applyInTransaction(manager, [decoded], heartbeat);
        });
        this.processed += 1;
        this.options.onProcessed?.();
        return;
      } catch (error) {
        if (this.stopping) throw new ShuttingDown('not processed; the offset stays uncommitted for the next owner');
        const infrastructure = isInfrastructureError(error);
        if (error instanceof PoisonMessageError || (!infrastructure && attempt >= this.options.maxAttempts)) {
          await this.deadLetter(message, source, {
            reason: error instanceof PoisonMessageError ? error.rule : 'processing_failed',
            violations: [],
            error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          });
          return;
        }
        this.logger.warn({ ...source, group: this.options.group, eventId: envelope.eventId, attempt, infrastructure, err: error instanceof Error ? error.message : String(error) }, 'event processing failed; retrying');
        await delay(backoffMs(attempt, this.options.retryBaseMs));
        await heartbeat();
      }
    }
  }

  private async deadLetter(message: KafkaMessage, source: Source, reason: DeadLetterReason): Promise<void> {
    const dlq = `${this.options.topicPrefix}${deadLetterTopic(this.options.group)}`;
    // The original bytes travel unchanged so the message can be replayed once fixed. If this send
    // fails, the error escapes, the offset is not committed and the message is tried again.
    await this.producer.send({
      topic: dlq,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'dlq-reason': JSON.stringify(reason),
            'dlq-consumer-group': this.options.group,
            'dlq-source-topic': source.topic,
            'dlq-source-partition': String(source.partition),
            'dlq-source-offset': source.offset,
            'dlq-failed-at': new Date().toISOString(),
          },
        },
      ],
    });
    this.deadLettered += 1;
    this.options.onDeadLettered?.(reason.reason);
    this.logger.warn({ ...source, group: this.options.group, dlq, reason: reason.reason, fields: reason.violations.map((v) => `${v.field}:${v.rule}`) }, 'message sent to dead-letter topic');
  }
}
