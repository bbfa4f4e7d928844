import { deadLetterTopic, type ConsumerGroup, type FieldViolation } from '@syfo/contracts';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

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
  readonly partitionsConsumedConcurrently?: number;
  readonly onProcessed?: () => void;
  readonly onDeadLettered?: (reason: string) => void;
}

export interface DeadLetterReason {
  readonly reason: string;
  readonly violations: readonly FieldViolation[];
  readonly error?: string;
}

class ShuttingDown extends Error {}

/**
 * One consumer group. Delivery is at least once (offsets are committed after processing), and the
 * inbox makes processing exactly once: the event id is recorded in the same transaction as the
 * handler's writes. Bad messages go to the group's dead-letter topic with their reason, so the
 * partition keeps flowing; database outages are waited out instead.
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
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachMessage: (payload) => this.onMessage(payload),
    });
  }

  /** Waits for messages in flight, commits their offsets and leaves the group. */
  public async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.disconnect();
    this.running = false;
  }

  private async onMessage({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const decoded = decodeMessage(message.value, this.handlers);
    const source = { topic, partition, offset: message.offset };
    if (!decoded.ok) {
      await this.deadLetter(message, source, { reason: decoded.reason, violations: decoded.violations });
      return;
    }
    const { envelope, handler } = decoded;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.dataSource.transaction(async (manager) => {
          const inserted: unknown[] = await manager.query(
            'INSERT INTO inbox_entry (consumer_group, event_id, topic) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id',
            [this.options.group, envelope.eventId, topic],
          );
          if (inserted.length > 0) await handler.handle(envelope.payload, envelope, manager);
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

  private async deadLetter(
    message: EachMessagePayload['message'],
    source: { topic: string; partition: number; offset: string },
    reason: DeadLetterReason,
  ): Promise<void> {
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
