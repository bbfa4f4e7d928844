import type { EntityManager } from 'typeorm';

import { deferredWrite, withDeferredWrites, type DeferredWrite } from './deferred-writes';

// Only the manager's identity matters here: it names the transaction.
const transaction = () => ({}) as EntityManager;

class Recorder implements DeferredWrite {
  public readonly items: string[] = [];

  public constructor(
    private readonly name: string,
    private readonly log: string[],
  ) {}

  public async flush(): Promise<void> {
    this.log.push(`${this.name}:${this.items.join(',')}`);
  }
}

describe('deferred writes', () => {
  it('collects each named write once per transaction and flushes them after the work, in name order', async () => {
    const log: string[] = [];
    const manager = transaction();
    await withDeferredWrites(manager, async () => {
      deferredWrite(manager, 'b', () => new Recorder('b', log)).items.push('1');
      deferredWrite(manager, 'a', () => new Recorder('a', log)).items.push('2');
      deferredWrite(manager, 'b', () => new Recorder('b', log)).items.push('3');
      expect(log).toEqual([]);
    });
    expect(log).toEqual(['a:2', 'b:1,3']);
  });

  it('flushes nothing when the work fails, and the transaction can collect again', async () => {
    const log: string[] = [];
    const manager = transaction();
    await expect(
      withDeferredWrites(manager, async () => {
        deferredWrite(manager, 'a', () => new Recorder('a', log)).items.push('1');
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect(log).toEqual([]);
    await withDeferredWrites(manager, async () => void deferredWrite(manager, 'a', () => new Recorder('a', log)).items.push('2'));
    expect(log).toEqual(['a:2']);
  });

  it('keeps transactions apart', async () => {
    const log: string[] = [];
    const first = transaction();
    const second = transaction();
    await withDeferredWrites(first, () =>
      withDeferredWrites(second, async () => {
        deferredWrite(first, 'a', () => new Recorder('first', log)).items.push('1');
        deferredWrite(second, 'a', () => new Recorder('second', log)).items.push('2');
      }),
    );
    expect(log).toEqual(['second:2', 'first:1']);
  });

  it('refuses a deferred write outside a collecting transaction, rather than losing it', () => {
    expect(() => deferredWrite(transaction(), 'statistics.deltas', () => new Recorder('x', []))).toThrow("'statistics.deltas' must be written at the end of a transaction");
  });

  it('refuses to collect twice for one transaction', async () => {
    const manager = transaction();
    await expect(withDeferredWrites(manager, () => withDeferredWrites(manager, async () => undefined))).rejects.toThrow('already collected');
  });
});
