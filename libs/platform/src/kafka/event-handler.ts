import type { Envelope, EventDefinition, PayloadOf } from '@syfo/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Applies one event inside the transaction that also records it as processed. Throw
 * `PoisonMessageError` for an event that can never be applied; anything else is retried.
 */
export interface EventHandler<E extends EventDefinition = EventDefinition> {
  readonly event: E;
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
