import { SickNoteReceivedEvent, TOPICS } from '@syfo/contracts';
import { createProducer } from '@syfo/platform';
import type { Kafka, Message } from 'kafkajs';

import type { StoredRows } from './bench-notes';
import { now } from './measure';

/** The relay's batch (OUTBOX_BATCH_SIZE default), so the difference to the relay is its database work. */
export const RAW_KAFKA_BATCH = 500;

/**
 * Produces the notes' real envelopes, with the relay's key and headers, to a scratch topic shaped like
 * intake.sick-note.v1, through the platform's own producer settings (idempotent, one request in
 * flight) with acks -1. Returns the elapsed ms and the bytes sent (keys, values and headers).
 */
export async function produceRaw(kafka: Kafka, topic: string, rows: readonly StoredRows[]): Promise<{ ms: number; bytes: number }> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: TOPICS[SickNoteReceivedEvent.topic].partitions, replicationFactor: 1 }] });
  } finally {
    await admin.disconnect();
  }
  const messages: Message[] = rows.map((row) => ({
    key: row.outbox.key,
    value: row.outbox.envelope,
    headers: {
      'event-id': row.outbox.eventId,
      'event-type': SickNoteReceivedEvent.type,
      'event-version': String(SickNoteReceivedEvent.version),
      'correlation-id': row.outbox.correlationId,
    },
  }));
  const bytes = messages.reduce(
    (sum, message) => sum + Buffer.byteLength(message.key as string) + Buffer.byteLength(message.value as string) + Object.entries(message.headers!).reduce((h, [k, v]) => h + k.length + String(v).length, 0),
    0,
  );
  const producer = createProducer(kafka);
  await producer.connect();
  try {
    const start = now();
    for (let i = 0; i < messages.length; i += RAW_KAFKA_BATCH) {
      await producer.send({ topic, acks: -1, messages: messages.slice(i, i + RAW_KAFKA_BATCH) });
    }
    return { ms: now() - start, bytes };
  } finally {
    await producer.disconnect();
  }
}
