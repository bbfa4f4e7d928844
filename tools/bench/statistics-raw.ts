import { randomUUID } from 'node:crypto';

import { createProducer } from '@syfo/platform';
import type { Kafka, Message } from 'kafkajs';
import type { Pool } from 'pg';

import { now } from './measure';
import { columns, timedWorkers } from './raw-postgres';

/**
 * The raw limits the statistics benchmark compares the service with: the same rows written to copies of the
 * service's own tables without the service, and the same messages through Kafka without it.
 */

const SCRATCH = 'bench_stats_raw';
/** Rows per statement and transaction in the bulk loads, as the service's full recomputation writes them. */
export const RAW_ROWS_PER_STATEMENT = 5_000;
/** One loader connection per core. */
export const RAW_BULK_CONNECTIONS = 2;
/** The consumer's partitionsConsumedConcurrently: the parallelism the service's one-event transactions get. */
export const RAW_EVENT_CONNECTIONS = 3;
/** Aggregate rows a raw event upserts: one quarter on every level, what a sick note typically changes. */
export const RAW_ROWS_PER_EVENT = 10;
export const RAW_KAFKA_BATCH = 500;

const SUM_COLUMNS = 'antall_personer, mulige, tapte, tapte_gradert, tapte_a, tapte_b, tapte_c, tapte_d, tapte_e, tapte_f';
const AGGREGATE_VALUES = `unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[],
  $11::bigint[], $12::bigint[], $13::bigint[]) AS d (quarter, level, code, ${SUM_COLUMNS})`;
const AGGREGATE_INSERT = `INSERT INTO ${SCRATCH}.stat_aggregate (quarter, level, code, ${SUM_COLUMNS}) SELECT * FROM ${AGGREGATE_VALUES}`;
/** The service's delta statement (statistics.repository.ts applyDeltas), on the scratch table. */
const AGGREGATE_UPSERT = `INSERT INTO ${SCRATCH}.stat_aggregate AS a (quarter, level, code, ${SUM_COLUMNS})
  SELECT * FROM ${AGGREGATE_VALUES} ORDER BY quarter, level, code
  ON CONFLICT (quarter, level, code) DO UPDATE SET ${SUM_COLUMNS.split(', ')
    .map((column) => `${column} = a.${column} + EXCLUDED.${column}`)
    .join(', ')}`;

/** A row of statistics.stat_aggregate as pg returns it, in column order. */
export type AggregateRowValues = readonly [string, string, string, number, string, string, string, string, string, string, string, string, string];

/** Copies of the service's tables (columns, keys and indexes), so raw writes pay for the same checks. */
export async function createScratchTables(pool: Pool): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE`);
  await pool.query(`CREATE SCHEMA ${SCRATCH}`);
  for (const table of ['stat_aggregate', 'stat_person', 'inbox_entry']) {
    await pool.query(`CREATE TABLE ${SCRATCH}.${table} (LIKE statistics.${table} INCLUDING ALL)`);
  }
}

export async function dropScratchTables(pool: Pool): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE`);
}

/** The aggregate rows written in bulk, as the full recomputation writes them; returns the elapsed ms. */
export async function insertAggregateRows(pool: Pool, rows: readonly AggregateRowValues[]): Promise<number> {
  await pool.query(`TRUNCATE ${SCRATCH}.stat_aggregate`);
  await pool.query('CHECKPOINT');
  let next = 0;
  return timedWorkers(pool, RAW_BULK_CONNECTIONS, async (client) => {
    for (let start = next; start < rows.length; start = next) {
      next += RAW_ROWS_PER_STATEMENT;
      await client.query(AGGREGATE_INSERT, columns(rows.slice(start, start + RAW_ROWS_PER_STATEMENT)));
    }
  });
}

/**
 * One event per transaction, as the consumer commits them: its inbox row, its person's facts rewritten, and
 * RAW_ROWS_PER_EVENT aggregate rows upserted in key order (the hot LAND row among them). Returns the elapsed ms.
 */
export async function oneEventPerTransaction(pool: Pool, events: readonly { personIdent: string; facts: string; rows: readonly AggregateRowValues[] }[]): Promise<number> {
  await pool.query(`TRUNCATE ${SCRATCH}.stat_person, ${SCRATCH}.inbox_entry`);
  const persons = [...new Map(events.map((event) => [event.personIdent, event.facts])).entries()];
  await pool.query(`INSERT INTO ${SCRATCH}.stat_person (person_ident, facts, contributions, updated_at) SELECT p, f, '[]', now() FROM unnest($1::text[], $2::jsonb[]) AS t (p, f)`, [
    persons.map(([person]) => person),
    persons.map(([, facts]) => facts),
  ]);
  await pool.query('CHECKPOINT');
  let next = 0;
  return timedWorkers(pool, RAW_EVENT_CONNECTIONS, async (client) => {
    for (let event = events[next++]; event; event = events[next++]) {
      await client.query('BEGIN');
      await client.query(`INSERT INTO ${SCRATCH}.inbox_entry (consumer_group, event_id, topic) VALUES ('bench', $1, 'bench')`, [randomUUID()]);
      await client.query(`UPDATE ${SCRATCH}.stat_person SET facts = $2, updated_at = now() WHERE person_ident = $1`, [event.personIdent, event.facts]);
      await client.query(AGGREGATE_UPSERT, columns(event.rows));
      await client.query('COMMIT');
    }
  });
}

/**
 * The persons' contributions rewritten in batches as the full recomputation writes them (one UPDATE … FROM unnest per
 * batch), on a copy of the first `sample` persons as the recomputation left them. Returns the persons and elapsed ms.
 */
export async function updateContributions(pool: Pool, sample: number, batch: number): Promise<{ persons: number; ms: number }> {
  await pool.query(`TRUNCATE ${SCRATCH}.stat_person`);
  await pool.query(`INSERT INTO ${SCRATCH}.stat_person SELECT * FROM statistics.stat_person ORDER BY person_ident LIMIT $1`, [sample]);
  const persons = (await pool.query<{ person_ident: string; contributions: string }>(`SELECT person_ident, contributions::text AS contributions FROM ${SCRATCH}.stat_person ORDER BY person_ident`)).rows;
  await pool.query('CHECKPOINT');
  const client = await pool.connect();
  try {
    const start = now();
    for (let first = 0; first < persons.length; first += batch) {
      const slice = persons.slice(first, first + batch);
      await client.query(
        `UPDATE ${SCRATCH}.stat_person p SET contributions = c.contributions FROM unnest($1::text[], $2::jsonb[]) AS c (person_ident, contributions) WHERE p.person_ident = c.person_ident`,
        [slice.map((person) => person.person_ident), slice.map((person) => person.contributions)],
      );
    }
    return { persons: persons.length, ms: now() - start };
  } finally {
    client.release();
  }
}

/** Person rows (facts as the service stores them) loaded in bulk into the service's own table; returns the elapsed ms. */
export async function loadPersons(pool: Pool, persons: AsyncIterable<readonly (readonly [string, string])[]> | Iterable<readonly (readonly [string, string])[]>): Promise<number> {
  const clients = await Promise.all(Array.from({ length: RAW_BULK_CONNECTIONS }, () => pool.connect()));
  try {
    const start = now();
    const inFlight = new Set<Promise<unknown>>();
    let turn = 0;
    for await (const batch of persons) {
      const client = clients[turn++ % clients.length]!;
      const write = client.query(`INSERT INTO statistics.stat_person (person_ident, facts, contributions, updated_at) SELECT p, f, '[]', now() FROM unnest($1::text[], $2::jsonb[]) AS t (p, f)`, [
        batch.map(([person]) => person),
        batch.map(([, facts]) => facts),
      ]);
      inFlight.add(write);
      void write.finally(() => inFlight.delete(write));
      // One statement per connection in flight: the generator makes the next batch meanwhile.
      if (inFlight.size >= clients.length) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return now() - start;
  } finally {
    clients.forEach((client) => client.release());
  }
}

export interface KafkaFigures {
  readonly produceMs: number;
  readonly consumeMs: number;
  readonly messages: number;
  readonly bytes: number;
}

/**
 * The stream's messages produced to a scratch topic with the platform's producer settings (idempotent, one request in
 * flight, acks -1) and the relay's batch size, then read back by a plain consumer that does nothing with them.
 */
export async function produceAndConsume(kafka: Kafka, topic: string, partitions: number, messages: readonly Message[]): Promise<KafkaFigures> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }] });
  } finally {
    await admin.disconnect();
  }
  const bytes = messages.reduce((sum, message) => sum + Buffer.byteLength(message.key as string) + Buffer.byteLength(message.value as string), 0);
  const producer = createProducer(kafka);
  await producer.connect();
  let produceMs: number;
  try {
    const start = now();
    for (let i = 0; i < messages.length; i += RAW_KAFKA_BATCH) await producer.send({ topic, acks: -1, messages: messages.slice(i, i + RAW_KAFKA_BATCH) });
    produceMs = now() - start;
  } finally {
    await producer.disconnect();
  }
  const consumer = kafka.consumer({ groupId: `${topic}.reader` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let seen = 0;
    let first = 0;
    const consumeMs = await new Promise<number>((resolve) => {
      void consumer.run({
        eachBatch: async ({ batch }) => {
          if (seen === 0) first = now();
          seen += batch.messages.length;
          if (seen >= messages.length) resolve(now() - first);
        },
      });
    });
    return { produceMs, consumeMs, messages: messages.length, bytes };
  } finally {
    await consumer.disconnect();
  }
}

