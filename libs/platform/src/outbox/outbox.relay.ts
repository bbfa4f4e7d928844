import type { Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

import { delay } from '../kafka/retry';

interface PendingRow {
  seq: string;
  event_id: string;
  topic: string;
  message_key: string;
  envelope: { type: string; version: number; correlationId: string };
}

export interface OutboxRelayOptions {
  readonly pollIntervalMs: number;
  readonly batchSize: number;
  /** Distinguishes the advisory lock of one service's relay from another's in a shared database. */
  readonly lockName: string;
  readonly topicPrefix: string;
}

/**
 * Publishes outbox rows in commit order. One relay per service holds an advisory lock while it
 * claims a batch, so replicas never publish the same row twice or reorder a key's events; a failed
 * send keeps the head of the queue and backs off, because skipping ahead would break per-key order.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private failures = 0;
  public published = 0;

  public constructor(
    private readonly dataSource: DataSource,
    private readonly producer: Producer,
    private readonly logger: Logger,
    private readonly options: OutboxRelayOptions,
  ) {}

  public start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  public nudge(): void {
    this.wake?.();
  }

  /** Finishes the batch in flight, then stops; what is left stays in the outbox for the next start. */
  public async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await this.loop;
  }

  public async pendingCount(): Promise<number> {
    const [row] = await this.dataSource.query('SELECT count(*)::int AS n FROM outbox_message WHERE published_at IS NULL');
    return row.n;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.drainOnce();
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        this.logger.warn({ err: describe(error), failures: this.failures }, 'outbox relay batch failed; will retry');
      }
      if (!this.running) break;
      if (this.failures > 0) await this.sleep(Math.min(this.options.pollIntervalMs * 2 ** this.failures, 10_000));
      else if (sent < this.options.batchSize) await this.sleep(this.options.pollIntervalMs);
    }
  }

  private async drainOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [this.options.lockName]);
      if (!lock.locked) return 0;
      const rows: PendingRow[] = await manager.query(
        'SELECT seq, event_id, topic, message_key, envelope FROM outbox_message WHERE published_at IS NULL ORDER BY seq LIMIT $1',
        [this.options.batchSize],
      );
      if (rows.length === 0) return 0;
      try {
        await this.producer.sendBatch({ acks: -1, topicMessages: groupByTopic(rows, this.options.topicPrefix) });
      } catch (error) {
        await manager.query('UPDATE outbox_message SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1)', [rows.map((row) => row.seq), describe(error)]);
        throw error;
      }
      await manager.query('UPDATE outbox_message SET attempts = attempts + 1, published_at = now(), last_error = NULL WHERE seq = ANY($1)', [
        rows.map((row) => row.seq),
      ]);
      this.published += rows.length;
      return rows.length;
    });
  }

  private async sleep(ms: number): Promise<void> {
    await Promise.race([delay(ms), new Promise<void>((resolve) => (this.wake = resolve))]);
    this.wake = undefined;
  }
}

function groupByTopic(rows: PendingRow[], prefix: string) {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({
      key: row.message_key,
      value: JSON.stringify(row.envelope),
      headers: {
        'event-id': row.event_id,
        'event-type': row.envelope.type,
        'event-version': String(row.envelope.version),
        'correlation-id': row.envelope.correlationId,
      },
    });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic.entries()].map(([topic, messages]) => ({ topic: `${prefix}${topic}`, messages }));
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
