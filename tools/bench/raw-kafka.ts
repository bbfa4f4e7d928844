import { SickNoteReceivedEvent, TOPICS } from '@syfo/contracts';
import { createProducer } from '@syfo/platform';
import type { Kafka, Message } from 'kafkajs';

import type { StoredRows } from './bench-notes';
import { now } from './measure';

/** The relay's batch (OUTBOX_BATCH_SIZE default), so what the relay adds is its database work. */
export const RAW_KAFKA_BATCH = 500;

/**
 * Produces what the relay publishes for the notes, both events of each with its real envelope, key
 * and headers, to one scratch topic with intake.sick-note.v1's partitions, through the platform's
 * own producer settings (idempotent, one request in flight) and acks -1. Returns the elapsed ms and
 * the bytes sent (keys, values and headers).
 */
export async function produceRaw(kafka: Kafka, topic: string, rows: readonly StoredRows[]): Promise<{ ms: number; messages: number; bytes: number }> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: TOPICS[SickNoteReceivedEvent.topic].partitions, replicationFactor: 1 }] });
  } finally {
    await admin.disconnect();
  }
  const messages: Message[] = rows.flatMap((row) =>
    row.events.map((event) => ({
      key: event.key,
      value: event.envelope,
      headers: { 'event-id': event.eventId, 'event-type': event.type, 'event-version': String(event.version), 'correlation-id': event.correlationId },
    })),
  );
  const bytes = messages.reduce(
    (sum, message) =>
      sum + Buffer.byteLength(message.key as string) + Buffer.byteLength(message.value as string) + Object.entries(message.headers!).reduce((size, [key, value]) => size + key.length + String(value).length, 0),
    0,
  );
  const producer = createProducer(kafka);
  await producer.connect();
  try {
    const start = now();
    for (let i = 0; i < messages.length; i += RAW_KAFKA_BATCH) {
      await producer.send({ topic, acks: -1, messages: messages.slice(i, i + RAW_KAFKA_BATCH) });
    }
    return { ms: now() - start, messages: messages.length, bytes };
  } finally {
    await producer.disconnect();
  }
}

/**
 * Reads the topic from the beginning in a fresh consumer group, the platform's consumer settings and
 * three partitions at a time as its EventConsumer does, and does nothing with each message but count
 * it. Timed from the first message to the last, so the group join is not counted. Returns the ms.
 */
export async function consumeRaw(kafka: Kafka, topic: string, groupId: string, expected: number): Promise<number> {
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, sessionTimeout: 15_000, heartbeatInterval: 3_000 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let seen = 0;
    let first = 0;
    const done = new Promise<number>((resolve) => {
      void consumer.run({
        autoCommit: true,
        partitionsConsumedConcurrently: 3,
        eachMessage: async () => {
          if (seen === 0) first = now();
          seen += 1;
          if (seen === expected) resolve(now() - first);
        },
      });
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`raw consume saw ${seen} of ${expected} messages in 120 s`)), 120_000)));
    try {
      return await Promise.race([done, timeout]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await consumer.disconnect();
  }
}
