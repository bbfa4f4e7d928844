import type { UnaryCall } from '@syfo/testing';
import type { Kafka } from 'kafkajs';

import type { SubmitRequest } from './bench-notes';
import { Pacer } from '../simulator/feeder';
import { now } from './measure';

export interface Submitted {
  readonly startedAt: number;
  readonly endedAt: number;
  /** Milliseconds per call, in request order. */
  readonly latencies: Float64Array;
  /** When each call was sent, epoch milliseconds, in request order: comparable with database timestamps. */
  readonly sentAt: Float64Array;
}

export interface SubmitOptions {
  /** Calls in flight at most. */
  readonly concurrency: number;
  /** Offered notes per second, spaced evenly (an open loop up to `concurrency` in flight); 0 for as fast as calls return. */
  readonly ratePerS?: number;
  /** Each call's x-correlation-id: this and the request's index, so its events can be traced through the platform. */
  readonly correlationPrefix?: string;
}

/**
 * Submits every request through real unary SubmitSickNote calls and times each. The first failure
 * stops the workers; a note reported as a duplicate is a failure too, since every request is new.
 */
export async function submitAll(call: UnaryCall, requests: readonly SubmitRequest[], options: SubmitOptions): Promise<Submitted> {
  const latencies = new Float64Array(requests.length);
  const sentAt = new Float64Array(requests.length);
  const pacer = new Pacer(options.ratePerS ?? 0);
  let next = 0;
  let done = 0;
  let failure: unknown;
  const worker = async () => {
    while (failure === undefined && next < requests.length) {
      const index = next++;
      const paced = pacer.take();
      if (paced) await paced;
      const metadata = options.correlationPrefix === undefined ? undefined : { 'x-correlation-id': `${options.correlationPrefix}${index}` };
      const start = now();
      sentAt[index] = performance.timeOrigin + start;
      try {
        const response = await call<{ duplicate: boolean }>('SubmitSickNote', requests[index], metadata);
        if (response.duplicate) throw new Error(`note ${requests[index]!.sourceId} was reported as a duplicate`);
      } catch (error) {
        failure ??= error;
        return;
      }
      latencies[index] = now() - start;
      done += 1;
    }
  };
  const startedAt = now();
  // A long phase says how far it has got, so nobody takes it for hung.
  const progress = setInterval(() => process.stdout.write(`  … ${done.toLocaleString('en-US')} of ${requests.length.toLocaleString('en-US')} notes, ${Math.round(done / ((now() - startedAt) / 1000))}/s\n`), 60_000);
  await Promise.all(Array.from({ length: options.concurrency }, worker)).finally(() => clearInterval(progress));
  const endedAt = now();
  if (failure !== undefined) throw failure;
  return { startedAt, endedAt, latencies, sentAt };
}

/** Polls until `done` holds and returns when it first did; fails after `timeoutMs`. */
export async function waitUntil(what: string, done: () => Promise<boolean>, timeoutMs: number, intervalMs: number): Promise<number> {
  const deadline = now() + timeoutMs;
  for (;;) {
    if (await done()) return now();
    if (now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Commits the groups' offsets at the current end of the topic before their services first start,
 * so they pick up only what comes next, as services that have kept up would, instead of replaying
 * the topic from the beginning.
 */
export async function startGroupsAtEnd(kafka: Kafka, groupIds: readonly string[], topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    for (const groupId of groupIds) {
      await admin.setOffsets({ groupId, topic, partitions: ends.map((end) => ({ partition: end.partition, offset: end.offset })) });
    }
  } finally {
    await admin.disconnect();
  }
}

/** Removes the consumer groups under the prefix; they must have no members left. */
export async function deleteGroupsWithPrefix(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const groups = (await admin.listGroups()).groups.map((group) => group.groupId).filter((groupId) => groupId.startsWith(prefix));
    if (groups.length > 0) await admin.deleteGroups(groups);
  } finally {
    await admin.disconnect();
  }
}
