import type { Envelope, EventDefinition, PayloadOf } from '@syfo/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Applies one event inside the transaction that also records it as processed. Throw
 * `PoisonMessageError` for an event that can never be applied; anything else is retried.
 * Writes to rows that many events share can be left to the end of the transaction (`deferredWrite`).
 */
export interface EventHandler<E extends EventDefinition = EventDefinition> {
  readonly event: E;
  /**
   * Called once per transaction before any `handle`, with every new event of this handler in it, in order. For locks
   * to take in one global order: a batch holds its events in its partition's order, which differs between partitions
   * consumed at the same time.
   */
  prepare?(payloads: readonly PayloadOf<E>[], manager: EntityManager): Promise<void>;
  handle(payload: PayloadOf<E>, envelope: Envelope<PayloadOf<E>>, manager: EntityManager): Promise<void>;
}

/** The message is well-formed but can never be applied: park it in the dead-letter topic at once. */
export class PoisonMessageError extends Error {
  public constructor(
    public readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'PoisonMessageError';
  }
}
