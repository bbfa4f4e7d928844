import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ArbeidsforholdChangedEvent, SickNoteReceivedEvent, TilfellerChangedEvent, TOPICS, VirksomhetChangedEvent, type EventDefinition } from '@syfo/contracts';
import { createProducer } from '@syfo/platform';
import { REPO_ROOT, grpcAddress, grpcClient, httpBase, localService, type ServiceProcess } from '@syfo/testing';
import type { Message } from 'kafkajs';

import { Cleanups, describeSetup, freshBenchEnvironment, message, report, startBenchService, step, stopOrKill } from './harness';
import { fraction, kafkaBrokerPid, measureCpu, now, percentile, perSecond, positiveInt, postgresCpu, processCpu, type CpuSource } from './measure';
import { waitUntil } from './platform';
import { StatisticsDataset, type StreamEvent } from './statistics-dataset';
import {
  createScratchTables,
  dropScratchTables,
  insertAggregateRows,
  loadPersons,
  oneEventPerTransaction,
  produceAndConsume,
  RAW_ROWS_PER_EVENT,
  updateContributions,
  type AggregateRowValues,
} from './statistics-raw';
import { renderStatisticsReport, type StatisticsPhase } from './statistics-report';

/**
 * The quarterly statistics benchmark (docs/benchmarks/statistics.md): a country's full recomputation in the real
 * service, the incremental path through its real Kafka consumer, and an employer's statistics query over HTTP, each
 * next to raw PostgreSQL and Kafka limits measured in the same run. A program, not a test: it reports and never fails
 * on speed.
 */
const options = {
  /** 1 = national: 2.9 M arbeidsforhold at 200,000 underenheter. */
  scale: fraction('BENCH_SCALE', 1),
  events: positiveInt('BENCH_EVENTS', 20_000),
  queries: positiveInt('BENCH_QUERIES', 2_000),
  concurrency: positiveInt('BENCH_CONCURRENCY', 8),
};
/** A second full recomputation after the stream, to check incremental = full: minutes at the national scale, so off there unless asked for. */
const verify = process.env['BENCH_VERIFY'] === undefined || process.env['BENCH_VERIFY'] === '' ? options.scale <= 0.25 : process.env['BENCH_VERIFY'] === '1';
/** Persons whose contributions the raw update rewrites: a sample gives the rate. */
const RAW_PERSON_SAMPLE = 200_000;
const YEAR = 2025;
const WINDOW = `${YEAR}-Q1..${YEAR}-Q4`;
const REPORT = join(REPO_ROOT, 'docs', 'benchmarks', 'statistics.md');
const RUN_LIMIT_MS = 40 * 60_000;
const GROUP = 'statistics.intake-events';

const cleanups = new Cleanups();

async function main(): Promise<void> {
  cleanups.onSignals();
  setTimeout(() => {
    process.stderr.write(`the run exceeded ${RUN_LIMIT_MS / 60_000} min; giving up\n`);
    void cleanups.run().finally(() => process.exit(1));
  }, RUN_LIMIT_MS).unref();

  const setup = await describeSetup();
  process.stdout.write(`Machine: ${setup.machine}\nVersions: ${setup.versions}\n`);
  const { env, kafka, pool } = await freshBenchEnvironment(cleanups, { database: 'syfo_bench_statistics', portOffset: 5000, topicPrefix: 'bench-stats' }, 8);

  const figures: Record<string, number> = { scale: options.scale };
  const phases: Partial<Record<StatisticsPhase, { wallS: number; busy: number; ms: Record<string, number> }>> = {};
  const running: { statistics?: ServiceProcess } = {};
  const kafkaPid = kafkaBrokerPid();
  const cpuSources: Record<string, CpuSource> = {
    statistics: () => processCpu(running.statistics?.pid),
    postgres: () => postgresCpu(env.database),
    kafka: () => processCpu(kafkaPid),
    bench: () => new Map([[process.pid, (process.cpuUsage().user + process.cpuUsage().system) / 1000]]),
  };
  const phase = async <T>(name: StatisticsPhase, work: () => Promise<T>): Promise<T> => {
    const stop = measureCpu(cpuSources);
    const start = now();
    const result = await work();
    const usage = stop();
    phases[name] = { wallS: (now() - start) / 1000, busy: usage.machineBusy, ms: usage.ms };
    return result;
  };

  const dataset = new StatisticsDataset(options.scale, YEAR);
  Object.assign(figures, { units: dataset.units, hovedenheter: dataset.hovedenheter, persons: dataset.persons });

  step(`loading the register (${(dataset.units + dataset.hovedenheter).toLocaleString('en-US')} virksomheter) and ${dataset.persons.toLocaleString('en-US')} persons' facts`);
  const register = [...dataset.virksomheter()];
  await pool.query(
    `INSERT INTO statistics.stat_virksomhet (orgnr, hovedenhet_orgnr, naeringskode, sektor, kommunenummer, version, cancelled, updated_at)
     SELECT *, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::boolean[])`,
    [register.map((v) => v.orgnr), register.map((v) => v.hovedenhetOrgnr), register.map((v) => v.naeringskode), register.map((v) => v.sektor), register.map((v) => v.kommunenummer), register.map((v) => v.version), register.map((v) => v.cancelled)],
  );
  const counts = { arbeidsforhold: 0, sickNotes: 0 };
  const personBatches = function* (): Generator<(readonly [string, string])[]> {
    for (let start = 0; start < dataset.persons; start += 5_000) {
      const batch: (readonly [string, string])[] = [];
      for (let n = start; n < Math.min(dataset.persons, start + 5_000); n += 1) {
        const person = dataset.person(n);
        counts.arbeidsforhold += person.arbeidsforhold.length;
        counts.sickNotes += person.sickNotes.length;
        batch.push([person.personIdent, JSON.stringify(dataset.storedFacts(person))]);
      }
      yield batch;
    }
  };
  const loadMs = await phase('load', () => loadPersons(pool, personBatches()));
  Object.assign(figures, { arbeidsforhold: counts.arbeidsforhold, sickNotes: counts.sickNotes, 'load.personsPerS': perSecond(dataset.persons, loadMs) });
  await pool.query('ANALYZE');
  report(`${counts.arbeidsforhold.toLocaleString('en-US')} arbeidsforhold, ${counts.sickNotes.toLocaleString('en-US')} sick notes; ${Math.round(figures['load.personsPerS']!)} person rows/s (generated and written)`);

  step('starting statistics');
  const service = await startBenchService('statistics', env, cleanups, { STATISTICS_WINDOW: WINDOW, STATISTICS_REFRESH_INTERVAL_MS: '3600000' });
  running.statistics = service;
  const admin = grpcClient('statistics', 'StatisticsAdminService', grpcAddress(localService('statistics'), env));
  cleanups.push(() => admin.close());

  step('full recomputation: every person from their facts, every row from scratch (StatisticsAdminService.RecomputeAll)');
  const recomputed = await phase('recompute', () => admin.call<Record<string, string>>('RecomputeAll', { reason: 'benchmark' }));
  for (const key of ['persons', 'personsChanged', 'rows', 'readMs', 'computeMs', 'personsWriteMs', 'rowsWriteMs', 'totalMs']) figures[`recompute.${key}`] = Number(recomputed[key]);
  report(`${figures['recompute.rows']!.toLocaleString('en-US')} rows in ${(figures['recompute.totalMs']! / 1000).toFixed(1)} s (read ${s(recomputed['readMs'])}, compute ${s(recomputed['computeMs'])}, persons written ${s(recomputed['personsWriteMs'])}, rows written ${s(recomputed['rowsWriteMs'])})`);

  step('masking and publishing every quarter (StatisticsAdminService.RefreshFigures)');
  await phase('refresh', async () => {
    const start = now();
    const refreshed = await admin.call<{ quarters: string[] }>('RefreshFigures', {});
    figures['refresh.ms'] = now() - start;
    figures['refresh.quarters'] = refreshed.quarters.length;
  });
  await pool.query('ANALYZE');
  report(`${figures['refresh.quarters']} quarters in ${(figures['refresh.ms']! / 1000).toFixed(1)} s`);

  step('raw PostgreSQL: the same aggregate rows, bulk-inserted into a copy of the table');
  await createScratchTables(pool);
  cleanups.push(() => dropScratchTables(pool));
  const aggregateRows = (await pool.query({ text: 'SELECT * FROM statistics.stat_aggregate', rowMode: 'array' })).rows as unknown as AggregateRowValues[];
  const rawRowsMs = await phase('rawRows', () => insertAggregateRows(pool, aggregateRows));
  figures['raw.pg.rowsPerS'] = perSecond(aggregateRows.length, rawRowsMs);
  const rawPersons = await phase('rawPersons', () => updateContributions(pool, RAW_PERSON_SAMPLE, 2_000));
  Object.assign(figures, {
    'raw.pg.personSample': rawPersons.persons,
    'raw.pg.personUpdatesPerS': perSecond(rawPersons.persons, rawPersons.ms),
    // Everything before the rows are replaced is per person.
    'recompute.personsPerS': perSecond(figures['recompute.persons']!, figures['recompute.totalMs']! - figures['recompute.rowsWriteMs']!),
  });
  figures['recompute.rowsPerS'] = perSecond(figures['recompute.rows']!, figures['recompute.rowsWriteMs']!);
  report(`${Math.round(figures['raw.pg.rowsPerS'])} rows/s raw against ${Math.round(figures['recompute.rowsPerS'])} rows/s by the recomputation`);
  report(`${Math.round(figures['raw.pg.personUpdatesPerS'])} person contributions/s rewritten raw (a sample of ${rawPersons.persons.toLocaleString('en-US')})`);

  step(`an employer's statistics over HTTP: ${options.queries.toLocaleString('en-US')} queries, ${options.concurrency} in flight`);
  const units = Array.from({ length: options.queries }, (_, i) => dataset.unitOrgnr((i * 7919) % dataset.units));
  const base = httpBase(localService('statistics'), env);
  const employer = await phase('http', () => timedRequests(units, (orgnr) => fetchOk(`${base}/employer/v1/virksomheter/${orgnr}/statistics`, { 'x-employer-rights': orgnr })));
  Object.assign(figures, latencyFigures('http', employer.latencies), { 'http.perS': perSecond(options.queries, employer.ms) });
  const health = await timedRequests(units, () => fetchOk(`${base}/health/live`, {}));
  Object.assign(figures, latencyFigures('health', health.latencies));
  const point = await timedRequests(units, async (orgnr) => {
    await pool.query("SELECT * FROM statistics.stat_figure WHERE quarter = ANY($1::text[]) AND level = 'VIRKSOMHET' AND code = $2", [[`${YEAR}-Q1`, `${YEAR}-Q2`, `${YEAR}-Q3`, `${YEAR}-Q4`], orgnr]);
  });
  Object.assign(figures, latencyFigures('rawQuery', point.latencies));
  report(`p50 ${figures['http.p50']!.toFixed(1)} ms, p99 ${figures['http.p99']!.toFixed(1)} ms (health p99 ${figures['health.p99']!.toFixed(1)} ms, one raw figure query p99 ${figures['rawQuery.p99']!.toFixed(1)} ms)`);

  const stream = [...dataset.incrementalEvents(options.events)];
  const messages = stream.map((event) => messageOf(event, env.region));
  figures['events'] = stream.length;
  figures['events.bytes'] = messages.reduce((sum, { message }) => sum + Buffer.byteLength(message.value as string), 0) / messages.length;

  step(`raw Kafka: the stream's ${stream.length.toLocaleString('en-US')} messages produced and consumed`);
  const rawKafka = await phase('rawKafka', () => produceAndConsume(kafka, `${env.topicPrefix}bench.raw-stream`, TOPICS['intake.sick-note.v1'].partitions, messages.map((message) => message.message)));
  Object.assign(figures, { 'raw.kafka.producePerS': perSecond(rawKafka.messages, rawKafka.produceMs), 'raw.kafka.consumePerS': perSecond(rawKafka.messages, rawKafka.consumeMs) });
  report(`${Math.round(figures['raw.kafka.producePerS']!)} msg/s produced, ${Math.round(figures['raw.kafka.consumePerS']!)} msg/s consumed`);

  // A sample is enough for a rate, and keeps the national run short.
  const rawSample = stream.slice(0, Math.min(stream.length, 10_000));
  step(`raw PostgreSQL: ${rawSample.length.toLocaleString('en-US')} events, one per transaction (inbox row, the person's facts, ${RAW_ROWS_PER_EVENT} aggregate rows)`);
  const rawEvents = rawSample.map((event, index) => {
    const personIdent = 'personIdent' in event.payload ? event.payload.personIdent : `unit-${index}`;
    const unit = dataset.unit((index * 31) % dataset.units);
    const codes: [string, string][] = [
      ['VIRKSOMHET', unit.orgnr],
      ['OVERORDNET_ENHET', unit.hovedenhetOrgnr!],
      ['NAERING2', unit.naeringskode.slice(0, 2)],
      ['NAERINGSKODE', unit.naeringskode],
      ['BRANSJE', unit.naeringskode],
      ['SEKTOR', unit.sektor],
      ['KOMMUNE', unit.kommunenummer],
      ['FYLKE', unit.kommunenummer.slice(0, 2)],
      ['NAV_REGION', unit.kommunenummer.slice(0, 2)],
      ['LAND', 'NO'],
    ];
    const rows = codes.map(([level, code]): AggregateRowValues => [`${YEAR}-Q${(index % 4) + 1}`, level, code, 0, '1000000', '1000000', '0', '1000000', '0', '0', '0', '0', '0']);
    return { personIdent, facts: JSON.stringify(dataset.storedFacts(dataset.person(Math.floor(index / 4)))), rows };
  });
  const rawEventsMs = await phase('rawEvents', () => oneEventPerTransaction(pool, rawEvents));
  figures['raw.pg.eventsPerS'] = perSecond(rawEvents.length, rawEventsMs);
  report(`${Math.round(figures['raw.pg.eventsPerS'])} events/s`);

  step(`incremental: the same ${stream.length.toLocaleString('en-US')} events through statistics' real consumer`);
  const processed = async () => Number((await pool.query('SELECT count(*)::int AS n FROM statistics.inbox_entry WHERE consumer_group = $1', [GROUP])).rows[0].n);
  const before = await processed();
  await phase('incremental', async () => {
    const start = now();
    const producer = createProducer(kafka);
    await producer.connect();
    try {
      for (const topic of new Set(messages.map((message) => message.topic))) {
        const onTopic = messages.filter((message) => message.topic === topic).map((message) => message.message);
        for (let i = 0; i < onTopic.length; i += 500) await producer.send({ topic: `${env.topicPrefix}${topic}`, acks: -1, messages: onTopic.slice(i, i + 500) });
      }
    } finally {
      await producer.disconnect();
    }
    figures['incremental.producedS'] = (now() - start) / 1000;
    const done = await waitUntil('statistics has applied every event', async () => (await processed()) - before >= stream.length, 30 * 60_000, 500);
    figures['incremental.eventsPerS'] = perSecond(stream.length, done - start);
  });
  report(`${Math.round(figures['incremental.eventsPerS']!)} events/s`);

  if (verify) {
    step('checking the incremental state against a full recomputation');
    const verified = await phase('verify', () => admin.call<Record<string, string>>('RecomputeAll', { reason: 'benchmark: incremental = full' }));
    Object.assign(figures, { 'verify.rowsChanged': Number(verified['rowsChanged']), 'verify.personsChanged': Number(verified['personsChanged']), 'verify.totalMs': Number(verified['totalMs']) });
    report(`${figures['verify.rowsChanged']} rows and ${figures['verify.personsChanged']} persons differed`);
  }

  step('stopping statistics');
  await stopOrKill(service);
  const text = renderStatisticsReport({ ...setup, date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), options, window: WINDOW }, figures, phases);
  mkdirSync(join(REPO_ROOT, 'docs', 'benchmarks'), { recursive: true });
  writeFileSync(REPORT, text);
  process.stdout.write(`\n${text}\nWritten to ${REPORT}\n`);
}

const EVENTS: Record<StreamEvent['kind'], EventDefinition> = {
  arbeidsforhold: ArbeidsforholdChangedEvent,
  sickNote: SickNoteReceivedEvent,
  tilfeller: TilfellerChangedEvent,
  virksomhet: VirksomhetChangedEvent,
};

/** The message the outbox relay would publish for the event: its envelope, key and headers. */
function messageOf(event: StreamEvent, region: string): { topic: string; message: Message } {
  const definition = EVENTS[event.kind];
  const eventId = randomUUID();
  const envelope = { eventId, type: definition.type, version: definition.version, occurredAt: new Date().toISOString(), region, correlationId: 'bench-statistics', payload: event.payload };
  return {
    topic: definition.topic,
    message: {
      key: definition.key(event.payload),
      value: JSON.stringify(envelope),
      headers: { 'event-id': eventId, 'event-type': definition.type, 'event-version': String(definition.version), 'correlation-id': 'bench-statistics' },
    },
  };
}

async function fetchOk(url: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
}

/** Each item once, `concurrency` at a time; the latency of each and the wall time of all. */
async function timedRequests<T>(items: readonly T[], request: (item: T) => Promise<void>): Promise<{ latencies: Float64Array; ms: number }> {
  const latencies = new Float64Array(items.length);
  let next = 0;
  const start = now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      for (let index = next++; index < items.length; index = next++) {
        const begun = now();
        await request(items[index]!);
        latencies[index] = now() - begun;
      }
    }),
  );
  return { latencies, ms: now() - start };
}

function latencyFigures(prefix: string, latencies: Float64Array): Record<string, number> {
  const sorted = latencies.slice().sort();
  return { [`${prefix}.p50`]: percentile(sorted, 50), [`${prefix}.p90`]: percentile(sorted, 90), [`${prefix}.p99`]: percentile(sorted, 99), [`${prefix}.max`]: sorted[sorted.length - 1]! };
}

function s(ms: string | undefined): string {
  return `${(Number(ms) / 1000).toFixed(1)} s`;
}

main().catch(async (error: unknown) => {
  process.stderr.write(`bench failed: ${message(error)}\n`);
  await cleanups.run();
  process.exit(1);
});
