import type { EntityManager } from 'typeorm';

/**
 * Work a handler leaves to the end of its transaction: sums that many events of a batch add to the same contended
 * rows (a country's figures, a counter) are written once, in one global order, and locked only from then until the
 * commit. Concurrent transactions that touch the same rows then wait for each other briefly instead of deadlocking.
 */
export interface DeferredWrite {
  flush(manager: EntityManager): Promise<void>;
}

const scopes = new WeakMap<EntityManager, Map<string, DeferredWrite>>();

/**
 * Runs `work` with deferred writes collected for `manager`'s transaction, then flushes them in the order of their
 * names (the same order in every transaction). Nothing is flushed if `work` throws.
 */
export async function withDeferredWrites<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  if (scopes.has(manager)) throw new Error('deferred writes are already collected for this transaction');
  const writes = new Map<string, DeferredWrite>();
  scopes.set(manager, writes);
  try {
    const result = await work();
    for (const name of [...writes.keys()].sort()) await writes.get(name)!.flush(manager);
    return result;
  } finally {
    scopes.delete(manager);
  }
}

/** The transaction's deferred write called `name`, created on first use. Fails loudly outside `withDeferredWrites`: the write would be lost. */
export function deferredWrite<T extends DeferredWrite>(manager: EntityManager, name: string, create: () => T): T {
  const writes = scopes.get(manager);
  if (!writes) throw new Error(`'${name}' must be written at the end of a transaction, but none collects deferred writes`);
  let write = writes.get(name);
  if (!write) writes.set(name, (write = create()));
  return write as T;
}
