import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';

import { TilfellerChangedEvent, type TilfellerChanged } from '@syfo/contracts';
import { addDays } from '@syfo/local-date';
import { createProducer } from '@syfo/platform';
import {
  DEFAULT_ENVIRONMENT,
  REPO_ROOT,
  ServiceProcess,
  deleteTopicsWithPrefix,
  grpcAddress,
  grpcClient,
  groupCaughtUp,
  localService,
  prepareInfrastructure,
  recreateDatabase,
  syntheticOrgnr,
  syntheticPersonIdent,
  testKafka,
  type LocalEnvironment,
} from '@syfo/testing';
import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';

import { median, memoryMiB, now, percentile, positiveInt } from './measure';
import { deleteGroupsWithPrefix, waitUntil } from './platform';

/**
 * The triage benchmark: how many tilfelle events per second triage keeps up with (consume, compute the
 * milestones, write them with their events through the outbox), and the p99 of an enhet's work-list
 * query with 10,000 open items; each next to the raw limit measured in the same run on the same data.
 * A program that measures and prints, never a test. Results: docs/benchmarks/triage.md.
 */
const TILFELLER = positiveInt('BENCH_TILFELLER', 10_000);
const QUERIES = positiveInt('BENCH_QUERIES', 500);
const RUNS = positiveInt('BENCH_RUNS', 3);
const TODAY = '2025-06-02';
const ENHET = '0600';
const REPORT = join(REPO_ROOT, 'docs', 'benchmarks', 'triage.md');
const employers = Array.from({ length: 200 }, (_, i) => syntheticOrgnr(500 + i));

interface RunFigures {
  readonly rawConsumePerS: number;
  readonly rawWritePerS: number;
  readonly triagePerS: number;
  readonly openItems: number;
  readonly queryP50Ms: number;
  readonly queryP99Ms: number;
  readonly filteredP99Ms: number;
  readonly rawQueryP50Ms: number;
  readonly rawQueryP99Ms: number;
  readonly rssRestMiB: number;
  readonly rssLoadedMiB: number;
}

/**
 * Every person's tilfelle started 56–69 days before the bench's "today", runs on for a month and is full
 * time: each has exactly one work item open, aktivitetskrav, due within its two-week window.
 */
function tilfelleEvent(n: number, region: string): { key: string; value: string } {
  const start = addDays(TODAY, -56 - (n % 14));
  const payload: TilfellerChanged = {
    personIdent: syntheticPersonIdent(200_000 + n),
    tilfeller: [
      {
        start,
        end: addDays(TODAY, 30),
        antallSykedager: 56 + (n % 14) + 31,
        virksomhetsnummerList: [employers[n % employers.length]!],
        arbeidstakerAtTilfelleEnd: true,
        gradertAtTilfelleEnd: false,
      },
    ],
    recurringAbsence: false,
    revision: 1,
    computedAt: `${TODAY}T05:00:00.000Z`,
  };
  const envelope = { eventId: randomUUID(), type: TilfellerChangedEvent.type, version: 1, occurredAt: payload.computedAt, region, correlationId: `bench-${n}`, payload };
  return { key: payload.personIdent, value: JSON.stringify(envelope) };
}

async function produce(kafka: Kafka, topic: string, messages: readonly { key: string; value: string }[]): Promise<void> {
  const producer = createProducer(kafka);
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += 500) await producer.send({ topic, acks: -1, messages: messages.slice(i, i + 500) });
  } finally {
    await producer.disconnect();
  }
}

/** Raw limit 1: kafkajs consuming the same messages with no work per message. */
async function rawConsume(kafka: Kafka, topic: string, count: number): Promise<number> {
  const consumer = kafka.consumer({ groupId: `${topic}-raw-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  const start = now();
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        seen += batch.messages.length;
        if (seen >= count) resolve();
      },
    });
  });
  const ms = now() - start;
  await consumer.disconnect();
  return (count / ms) * 1000;
}

/**
 * Raw limit 2: PostgreSQL writing what triage writes for one tilfelle (the inbox row, the person row,
 * eleven milestone rows, one work item, the outbox rows for the changes), one transaction per tilfelle,
 * ten connections, no computation.
 */
async function rawWrites(pool: Pool, count: number): Promise<number> {
  await pool.query('DROP SCHEMA IF EXISTS bench_raw CASCADE');
  await pool.query('CREATE SCHEMA bench_raw');
  await pool.query('CREATE TABLE bench_raw.inbox (id uuid PRIMARY KEY)');
  await pool.query('CREATE TABLE bench_raw.person (person_ident text PRIMARY KEY, tilfeller jsonb, next_check_on date)');
  await pool.query('CREATE TABLE bench_raw.milestone (person_ident text, type text, state text, due_from date, deadline date, PRIMARY KEY (person_ident, type))');
  await pool.query('CREATE TABLE bench_raw.work_item (id uuid PRIMARY KEY, person_ident text, enhet text, due_date date)');
  await pool.query('CREATE TABLE bench_raw.outbox (seq bigserial PRIMARY KEY, envelope jsonb)');
  const event = JSON.parse(tilfelleEvent(0, 'oslo').value) as { payload: TilfellerChanged };
  let next = 0;
  const start = now();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      const client = await pool.connect();
      try {
        for (let n = next++; n < count; n = next++) {
          const person = `p${n}`;
          await client.query('BEGIN');
          await client.query('INSERT INTO bench_raw.inbox VALUES ($1)', [randomUUID()]);
          await client.query('INSERT INTO bench_raw.person VALUES ($1, $2, $3)', [person, JSON.stringify(event.payload.tilfeller), TODAY]);
          await client.query(
            `INSERT INTO bench_raw.milestone SELECT $1, 'M' || i, 'UPCOMING', $2::date, $2::date + 7 FROM generate_series(1, 11) AS i`,
            [person, TODAY],
          );
          await client.query('INSERT INTO bench_raw.work_item VALUES ($1, $2, $3, $4)', [randomUUID(), person, ENHET, TODAY]);
          await client.query(`INSERT INTO bench_raw.outbox (envelope) SELECT $1::jsonb FROM generate_series(1, 6)`, [JSON.stringify({ payload: event.payload })]);
          await client.query('COMMIT');
        }
      } finally {
        client.release();
      }
    }),
  );
  const perS = (count / (now() - start)) * 1000;
  await pool.query('DROP SCHEMA bench_raw CASCADE');
  return perS;
}

async function timeQueries(count: number, query: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = now();
    await query();
    latencies.push(now() - start);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function run(index: number): Promise<RunFigures> {
  const env: LocalEnvironment = { ...DEFAULT_ENVIRONMENT, region: 'oslo', database: 'syfo_bench_triage', portOffset: 2000, topicPrefix: `bench-triage-${randomUUID().slice(0, 8)}.` };
  const kafka = testKafka(env.kafkaBrokers);
  const topic = `${env.topicPrefix}${TilfellerChangedEvent.topic}`;
  const triage = new ServiceProcess(localService('triage'), env, { CLOCK_MODE: 'simulated', CLOCK_START: `${TODAY}T06:30:00Z`, LOG_LEVEL: 'warn' });
  try {
    step(`run ${index}: preparing ${env.database} and topics under ${env.topicPrefix}`);
    await recreateDatabase(env);
    await prepareInfrastructure(env);
    const db = new Pool({ host: env.pgHost, port: env.pgPort, user: 'postgres', database: env.database, max: 12 });
    try {
      const messages = Array.from({ length: TILFELLER }, (_, n) => tilfelleEvent(n, env.region));
      await produce(kafka, topic, messages);
      step(`raw kafkajs consume of the ${TILFELLER.toLocaleString('en-US')} tilfelle events`);
      const rawConsumePerS = await rawConsume(kafka, topic, TILFELLER);
      step('raw PostgreSQL writes of what triage writes per tilfelle');
      const rawWritePerS = await rawWrites(db, TILFELLER);

      step('triage consuming the same events');
      const start = now();
      await triage.start();
      const rssRestMiB = memoryMiB(triage.pid!).rss;
      const caughtUp = await waitUntil(
        'triage has consumed every tilfelle and published every change',
        async () =>
          (await groupCaughtUp(kafka, `${env.topicPrefix}triage.intake-events`, topic)) &&
          (await db.query('SELECT count(*)::int AS n FROM triage.outbox_message WHERE published_at IS NULL')).rows[0].n === 0,
        30 * 60_000,
        200,
      );
      const triagePerS = (TILFELLER / (caughtUp - start)) * 1000;
      const rssLoadedMiB = memoryMiB(triage.pid!).rss;
      const openItems = (await db.query(`SELECT count(*)::int AS n FROM triage.work_item WHERE enhet = $1 AND state = 'OPEN'`, [ENHET])).rows[0].n as number;

      step(`${QUERIES} work-list queries on enhet ${ENHET} with ${openItems.toLocaleString('en-US')} open items`);
      await db.query('ANALYZE triage.work_item');
      const client = grpcClient('triage', 'WorkListService', grpcAddress(localService('triage'), env));
      try {
        const list = (request: Record<string, unknown>) => client.call('ListWorkItems', { enhet: ENHET, pageSize: 50, purpose: 'benchmark', ...request }, { 'x-actor': 'Z990099' });
        await timeQueries(20, () => list({}));
        const first = await timeQueries(QUERIES, () => list({}));
        const filtered = await timeQueries(QUERIES, () => list({ types: ['AKTIVITETSKRAV'], orgnr: employers[7], dueTo: addDays(TODAY, 7) }));
        const raw = await timeQueries(QUERIES, () =>
          db.query(
            `SELECT * FROM triage.work_item WHERE state = 'OPEN' AND visible_from <= $1 AND enhet = $2
             ORDER BY CASE WHEN statutory AND due_date <= $1::date + 7 THEN 0 ELSE 1 END, due_date, priority, tilfelle_start, created_at, id LIMIT 50`,
            [TODAY, ENHET],
          ),
        );
        return {
          rawConsumePerS,
          rawWritePerS,
          triagePerS,
          openItems,
          queryP50Ms: first.p50,
          queryP99Ms: first.p99,
          filteredP99Ms: filtered.p99,
          rawQueryP50Ms: raw.p50,
          rawQueryP99Ms: raw.p99,
          rssRestMiB,
          rssLoadedMiB,
        };
      } finally {
        client.close();
      }
    } finally {
      await db.end();
    }
  } finally {
    await triage.kill();
    await deleteTopicsWithPrefix(kafka, env.topicPrefix);
    // A group whose member just died can take a session timeout to empty; its leftovers are harmless.
    await deleteGroupsWithPrefix(kafka, env.topicPrefix).catch((error: unknown) => step(`could not delete the bench's consumer groups yet: ${String(error)}`));
  }
}

async function main(): Promise<void> {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}`;
  process.stdout.write(`Machine: ${machine}\nNode ${process.version}\nParameters: ${TILFELLER} tilfeller, ${QUERIES} queries per kind, ${RUNS} run(s)\n`);
  const runs: RunFigures[] = [];
  for (let index = 1; index <= RUNS; index += 1) runs.push(await run(index));
  const m = (pick: (figures: RunFigures) => number) => median(runs.map(pick));
  const f = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const report = `# Benchmark: triage

Produced by \`npm run bench:triage\` on ${new Date().toISOString().slice(0, 10)}. Median of ${RUNS} run(s); each run starts from an empty
database and its own Kafka namespace, with triage as a real process on a simulated clock (${TODAY}).

- Machine: ${machine}; everything (PostgreSQL, the Kafka broker, triage, the bench) shares it.
- Node ${process.version}; Kafka 4.4.0 single-node KRaft; PostgreSQL on 127.0.0.1.
- Data: ${f(TILFELLER)} persons, one full-time tilfelle each, started 56–69 days before today, so each has an aktivitetskrav
  milestone due and one open work item at enhet ${ENHET}: ${f(m((r) => r.openItems))} open items.

## Keeping up with tilfeller

| Measure | Tilfeller/s | Ratio |
|---|---:|---:|
| Raw kafkajs consume of the same events (no work) | ${f(m((r) => r.rawConsumePerS))} | |
| Raw PostgreSQL: triage's rows per tilfelle, one transaction each, 10 connections | ${f(m((r) => r.rawWritePerS))} | |
| **triage**: consume, compute 11 milestones, store, publish through the outbox | **${f(m((r) => r.triagePerS))}** | ${f(m((r) => r.triagePerS / r.rawWritePerS), 2)} × raw PostgreSQL |

## Work-list query, enhet with ${f(m((r) => r.openItems))} open items (first page of 50, priority order)

| Measure | p50 ms | p99 ms |
|---|---:|---:|
| Raw SQL of the same page straight to PostgreSQL | ${f(m((r) => r.rawQueryP50Ms), 1)} | ${f(m((r) => r.rawQueryP99Ms), 1)} |
| **ListWorkItems over gRPC** (validation, query with total count, audit rows for the persons shown) | **${f(m((r) => r.queryP50Ms), 1)}** | **${f(m((r) => r.queryP99Ms), 1)}** |
| ListWorkItems filtered (type, employer, due window) | | ${f(m((r) => r.filteredP99Ms), 1)} |

p99 ratio to raw: ${f(m((r) => r.queryP99Ms / r.rawQueryP99Ms), 1)}×. Each listed page writes one audit row per person shown (handbook §10.5), which is most
of the difference.

## Memory

triage RSS at rest ${f(m((r) => r.rssRestMiB))} MiB, after the load ${f(m((r) => r.rssLoadedMiB))} MiB.

## Runs

On a small shared machine absolute figures move from run to run; each ratio compares figures measured in the same run.
triage is CPU-bound here: every tilfelle is one inbox transaction of about fifteen round trips (lock, read, one
milestone upsert, one outbox insert for all changes, one work item), computed on the same two cores PostgreSQL uses.

| Run | triage/s | raw PG/s | raw consume/s | list p99 ms | raw p99 ms |
|---|---:|---:|---:|---:|---:|
${runs.map((r, i) => `| ${i + 1} | ${f(r.triagePerS)} | ${f(r.rawWritePerS)} | ${f(r.rawConsumePerS)} | ${f(r.queryP99Ms, 1)} | ${f(r.rawQueryP99Ms, 1)} |`).join('\n')}
`;
  mkdirSync(join(REPO_ROOT, 'docs', 'benchmarks'), { recursive: true });
  writeFileSync(REPORT, report);
  process.stdout.write(`\n${report}\nWritten to ${REPORT}\n`);
}

function step(text: string): void {
  process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
