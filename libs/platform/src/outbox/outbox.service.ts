import { randomUUID } from 'node:crypto';

import type { EventDefinition, PayloadOf, Region } from '@syfo/contracts';
import type { DataSource, EntityManager } from 'typeorm';

import type { Clock } from '../clock/clock';
import { withDeferredWrites } from '../persistence/deferred-writes';

export interface OutboxTransaction {
  readonly manager: EntityManager;
  /** Queues an event; it is published only if the surrounding transaction commits. */
  publish<E extends EventDefinition>(event: E, payload: PayloadOf<E>): Promise<string>;
  /** Queues several events of one kind in one statement, in order. */
  publishAll<E extends EventDefinition>(event: E, payloads: readonly PayloadOf<E>[]): Promise<string[]>;
}

/**
 * Runs a unit of work whose database writes and the events they cause commit together. A relay
 * publishes the queued events afterwards, so an event is never sent for a write that rolled back.
 * The work may leave writes to the end of its transaction (`deferredWrite`), as a consumer's may.
 */
export class OutboxService {
  private readonly listeners = new Set<() => void>();

  public constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly region: Region,
  ) {}

  public async transaction<T>(correlationId: string, work: (tx: OutboxTransaction) => Promise<T>): Promise<T> {
    let queued = 0;
    const result = await this.dataSource.transaction(async (manager) => {
      const tx = this.within(manager, correlationId);
      return withDeferredWrites(manager, () => work({
        manager,
        publish: (event, payload) => {
          queued += 1;
          return tx.publish(event, payload);
        },
        publishAll: (event, payloads) => {
          queued += payloads.length;
          return tx.publishAll(event, payloads);
        },
      }));
    });
    if (queued > 0) this.listeners.forEach((listener) => listener());
    return result;
  }

  /** Joins a transaction someone else runs, such as a consumer's inbox transaction. */
  public within(manager: EntityManager, correlationId: string): OutboxTransaction {
    return {
      manager,
      publish: async (event, payload) => (await this.enqueue(manager, event, [payload], correlationId))[0]!,
      publishAll: (event, payloads) => this.enqueue(manager, event, payloads, correlationId),
    };
  }

  /** Called after a commit that queued events, so the relay need not wait for its next poll. */
  public onCommitted(listener: () => void): void {
    this.listeners.add(listener);
  }

  private async enqueue<E extends EventDefinition>(manager: EntityManager, event: E, payloads: readonly PayloadOf<E>[], correlationId: string): Promise<string[]> {
    if (payloads.length === 0) return [];
    const occurredAt = this.clock.now().toISOString();
    const rows = payloads.map((payload) => {
      const parsed = event.payload.parse(payload) as PayloadOf<E>;
      const eventId = randomUUID();
      const envelope = { eventId, type: event.type, version: event.version, occurredAt, region: this.region, correlationId, payload: parsed };
      return { eventId, key: event.key(parsed), envelope: JSON.stringify(envelope) };
    });
    // One statement whatever the count; seq follows the array order, so per-key order is kept.
    await manager.query(
      `INSERT INTO outbox_message (event_id, topic, message_key, envelope)
       SELECT event_id, $1, message_key, envelope::jsonb FROM unnest($2::uuid[], $3::text[], $4::text[]) WITH ORDINALITY AS row(event_id, message_key, envelope, n) ORDER BY n`,
      [event.topic, rows.map((row) => row.eventId), rows.map((row) => row.key), rows.map((row) => row.envelope)],
    );
    return rows.map((row) => row.eventId);
  }
}
