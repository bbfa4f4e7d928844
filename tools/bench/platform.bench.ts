import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ServiceName } from '@syfo/contracts';
import { createProducer } from '@syfo/platform';
import { LOCAL_SERVICES, REPO_ROOT, grpcAddress, grpcClient, localService, type LocalEnvironment, type ServiceProcess, type UnaryCall } from '@syfo/testing';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';

import { feed, GrpcFeedTarget, KafkaFeedTarget, type FeedTarget } from '../simulator/feeder';
import { simulate } from '../simulator/simulation';
import { sickNoteRequest, storedRows, type SubmitRequest } from './bench-notes';
import { analyzeAsAutovacuumWould, Cleanups, describeSetup, freshBenchEnvironment, medianOf, message, repeatRuns, report, startBenchService, step, stopOrKill, type Figures } from './harness';
import { fraction, kafkaBrokerPid, measureCpu, memoryMiB, now, perSecond, positiveInt, postgresCpu, processCpu, RssSampler, type CpuSource } from './measure';
import { noteTimes, delayFigures, pipelineSettled } from './pipeline';
import { submitAll, waitUntil, type Submitted } from './platform';
import { CLOCK_START, NATIONAL_YEAR, renderNationalYearReport, renderPlatformReport, type PlatformBenchOptions } from './platform-report';
import { consumeRaw, produceRaw } from './raw-kafka';
import { createScratchTables, dropScratchTables, insertBatched, insertOneNotePerTransaction, RAW_PER_NOTE_CONNECTIONS, resetScratchTables } from './raw-postgres';

/**
 * The platform benchmark behind `npm run bench` (docs/benchmarks.md): all five services as real
 * processes on one machine, sick notes submitted over gRPC, and for each note the time until triage
 * and statistics had processed it, at the most the platform takes and at a steady offered load; the
 * raw Kafka and PostgreSQL limits for the same messages and rows in the same run; every service's
 * memory at rest and under load; a national year of the simulator's documents replayed as fast as
 * the platform takes them. Several runs, each figure their median. It measures and prints; it never
 * fails on speed, and no test depends on it.
 */
const options: PlatformBenchOptions = {
  runs: positiveInt('BENCH_RUNS', 3),
  notes: positiveInt('BENCH_NOTES', 10_000),
  concurrency: positiveInt('BENCH_CONCURRENCY', 64),
  steadySeconds: positiveInt('BENCH_STEADY_SECONDS', 60),
  steadyPercent: positiveInt('BENCH_STEADY_PERCENT', 50),
  nationalScale: fraction('BENCH_NATIONAL_SCALE', 0.001),
  nationalOnly: process.env['BENCH_NATIONAL_ONLY'] === '1',
  nationalVia: feedPath(process.env['BENCH_NATIONAL_VIA']),
};
/** In flight at most while the steady phase offers its load: enough that a slow moment queues, not throttles. */
const STEADY_IN_FLIGHT = 256;
/** Below this many notes per second the platform is stuck, not slow. */
const WAIT_LIMIT_MS = Math.max(300_000, options.notes * 20);
/** A safety net, since a hung call has no deadline: generous for the phases, plus two days for a whole national year. */
const RUN_LIMIT_MS = 30 * 60_000 + options.nationalScale * 48 * 3_600_000;
const REPORT = join(REPO_ROOT, 'docs', options.nationalOnly ? 'benchmarks/national-year.md' : 'benchmarks.md');
const SERVICES = LOCAL_SERVICES.map((service) => service.name);

const cleanups = new Cleanups();

async function main(): Promise<void> {
  cleanups.onSignals();
  const setup = await describeSetup();
  process.stdout.write(`Machine: ${setup.machine}\nVersions: ${setup.versions}\nOptions: ${JSON.stringify(options)}\n`);
  const runs = await repeatRuns(cleanups, options.runs, RUN_LIMIT_MS, (run) => benchmarkRun(run, setup.postgresSettings.autovacuum === 'on'));
  const nationalReportExists = existsSync(join(REPO_ROOT, 'docs', 'benchmarks', 'national-year.md'));
  const context = { ...setup, date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), options, runs, nationalReportExists };
  const text = options.nationalOnly ? renderNationalYearReport(context, medianOf(runs)) : renderPlatformReport(context, medianOf(runs));
  writeFileSync(REPORT, text);
  process.stdout.write(`\n${text}\nWritten to ${REPORT}\n`);
}

/** One complete run in a fresh environment: its own database contents, topic prefix and processes. */
async function benchmarkRun(run: number, autovacuum: boolean): Promise<Figures> {
  const { env, kafka, pool } = await freshBenchEnvironment(cleanups, { database: 'syfo_bench', portOffset: 2000, topicPrefix: 'bench' }, RAW_PER_NOTE_CONNECTIONS + 2);
  const figures: Figures = {};

  const notes = Array.from({ length: options.nationalOnly ? 0 : options.notes }, (_, n) => sickNoteRequest('max', n));
  if (!options.nationalOnly) Object.assign(figures, await rawLimits(run, pool, kafka, env, notes));

  step('starting the five services');
  const services = new Map<ServiceName, ServiceProcess>();
  // Every service on the same frozen simulated day, so the replayed year is the last one for all.
  await Promise.all(SERVICES.map(async (name) => services.set(name, await startBenchService(name, env, cleanups, { CLOCK_MODE: 'simulated', CLOCK_START }))));
  if (!autovacuum) analyzeAsAutovacuumWould(pool, cleanups);
  await new Promise((resolve) => setTimeout(resolve, 5_000)); // start-up garbage settles before "at rest"
  const pids = () => new Map(SERVICES.map((name) => [name, services.get(name)?.pid]));
  for (const [name, pid] of pids()) figures[`memory.${name}.rest`] = memoryMiB(pid!).rss;

  const settled = (what: string, limitMs = WAIT_LIMIT_MS) => waitUntil(what, () => pipelineSettled(kafka, pool, env.topicPrefix), limitMs, 1_000);
  if (!options.nationalOnly) Object.assign(figures, await loadPhases({ env, pool, pids, settled }, notes));
  Object.assign(figures, await nationalYear(env, kafka, pids, settled));

  for (const [name, pid] of pids()) figures[`memory.${name}.hwm`] = memoryMiB(pid!).peak;
  step('stopping the services');
  await Promise.all([...services.values()].map(stopOrKill));
  if (!options.nationalOnly) Object.assign(figures, ratios(figures));
  return figures;
}

/** The maximum the platform takes, then a steady offered load at a share of it: each note traced to both consumers. */
async function loadPhases(platform: RunningPlatform, notes: readonly SubmitRequest[]): Promise<Figures> {
  const { env } = platform;
  const intake = grpcClient('case-intake', 'SickNoteService', grpcAddress(localService('case-intake'), env));
  try {
    return await maximumThenSteady(platform, notes, intake.call);
  } finally {
    intake.close();
  }
}

async function maximumThenSteady(platform: RunningPlatform, notes: readonly SubmitRequest[], call: UnaryCall): Promise<Figures> {
  const { env, pool, pids, settled } = platform;
  const figures: Figures = {};
  step(`maximum: ${options.notes.toLocaleString('en-US')} notes, ${options.concurrency} calls in flight, until triage and statistics are done`);
  const load = new RssSampler(pids);
  const stopCpu = measureCpu(cpuSources(env, pids));
  const max = await submitAll(call, notes, { concurrency: options.concurrency, correlationPrefix: `max-` });
  await settled('the maximum phase has gone through the platform');
  const cpu = stopCpu();
  figures['cpu.max.busy'] = cpu.machineBusy;
  for (const [source, ms] of Object.entries(cpu.ms)) figures[`cpu.max.${source}`] = ms / options.notes;
  figures['max.intakeNotesPerS'] = perSecond(options.notes, max.endedAt - max.startedAt);
  Object.assign(figures, delayFigures('max', sentAtByNote(max, 'max-'), await noteTimes(pool, 'max-')));
  report(`${Math.round(figures['max.notesPerS']!)} notes/s through both; delay to both p50 ${seconds(figures['max.delay.both.p50']!)}, p99 ${seconds(figures['max.delay.both.p99']!)}`);

  const rate = Math.max(1, Math.round((figures['max.notesPerS']! * options.steadyPercent) / 100));
  const steadyCount = rate * options.steadySeconds;
  step(`steady: ${rate} notes/s offered (${options.steadyPercent} % of the maximum) for ${options.steadySeconds} s`);
  const steadyNotes = Array.from({ length: steadyCount }, (_, n) => sickNoteRequest('steady', options.notes + n));
  const steady = await submitAll(call, steadyNotes, { concurrency: STEADY_IN_FLIGHT, ratePerS: rate, correlationPrefix: `steady-` });
  await settled('the steady phase has gone through the platform');
  figures['steady.offeredPerS'] = rate;
  Object.assign(figures, delayFigures('steady', sentAtByNote(steady, 'steady-'), await noteTimes(pool, 'steady-')));
  report(`delay to both p50 ${seconds(figures['steady.delay.both.p50']!)}, p99 ${seconds(figures['steady.delay.both.p99']!)}`);
  for (const [name, peak] of load.stop()) figures[`memory.${name}.load`] = peak;
  return figures;
}

/** PostgreSQL and Kafka alone, for the same rows and messages the platform writes for the notes. */
async function rawLimits(run: number, pool: Pool, kafka: Kafka, env: LocalEnvironment, notes: readonly SubmitRequest[]): Promise<Figures> {
  const figures: Figures = {};
  const rows = notes.map((note) => storedRows(note, env.region));
  step('raw PostgreSQL: case-intake\'s rows for every note, batched and one note per transaction');
  await createScratchTables(pool);
  await resetScratchTables(pool);
  figures['raw.pg.batched.notesPerS'] = perSecond(notes.length, await insertBatched(pool, rows));
  await resetScratchTables(pool);
  figures['raw.pg.perNote.notesPerS'] = perSecond(notes.length, await insertOneNotePerTransaction(pool, rows));
  await dropScratchTables(pool);
  report(`${Math.round(figures['raw.pg.batched.notesPerS'])} notes/s batched, ${Math.round(figures['raw.pg.perNote.notesPerS'])} one per transaction`);

  step('raw Kafka: every note\'s two events produced, then consumed');
  const topic = `${env.topicPrefix}bench.raw`;
  const produced = await produceRaw(kafka, topic, rows);
  figures['raw.kafka.produce.notesPerS'] = perSecond(notes.length, produced.ms);
  figures['raw.kafka.produce.msgsPerS'] = perSecond(produced.messages, produced.ms);
  figures['raw.kafka.bytesPerMessage'] = produced.bytes / produced.messages;
  const consumedMs = await consumeRaw(kafka, topic, `${env.topicPrefix}bench.raw-consume-${run}`, produced.messages);
  figures['raw.kafka.consume.notesPerS'] = perSecond(notes.length, consumedMs);
  figures['raw.kafka.consume.msgsPerS'] = perSecond(produced.messages, consumedMs);
  report(`${Math.round(figures['raw.kafka.produce.msgsPerS'])} msg/s produced, ${Math.round(figures['raw.kafka.consume.msgsPerS'])} msg/s consumed`);
  return figures;
}

/**
 * A year of the whole country's documents from the simulator, at a fraction of its people, fed to
 * case-intake as the case systems would (the employer register, then person by person, sick notes in
 * bulk streams) as fast as it takes them, until triage and statistics have processed everything.
 */
async function nationalYear(
  env: LocalEnvironment,
  kafka: Kafka,
  pids: () => ReadonlyMap<string, number | undefined>,
  settled: (what: string, limitMs?: number) => Promise<number>,
): Promise<Figures> {
  const simulation = simulate({ seed: 1, area: 'country', scale: options.nationalScale, firstYear: NATIONAL_YEAR, lastYear: NATIONAL_YEAR });
  step(`national year ${NATIONAL_YEAR} at scale ${options.nationalScale} via ${options.nationalVia}: ${(simulation.size.employed + simulation.size.withoutEmployer).toLocaleString('en-US')} persons`);
  const target = await feedTarget(env, kafka);
  const memory = new RssSampler(pids);
  const stopCpu = measureCpu(cpuSources(env, pids));
  const start = now();
  // Closed when the feed is done, not by the clean-ups: a channel closed under a running feed throws.
  const summary = await feed(simulation, target, { rate: 0, onProgress: (progress) => report(`… ${progress.persons.toLocaleString('en-US')} persons fed`), progressEveryMs: 60_000 }).finally(() =>
    target.close(),
  );
  if (summary.refused > 0) throw new Error(`case-intake refused ${summary.refused} simulated documents: ${summary.refusedReasons.join('; ')}`);
  const fedAt = now();
  const documents = Object.values(summary.sent).reduce((sum, count) => sum + count, 0);
  // At larger scales the consumers finish long after the feed; stuck means slower than a document a second.
  const doneAt = await settled('the national year has gone through the platform', Math.max(WAIT_LIMIT_MS, documents * 1_000));
  const figures: Figures = {
    'national.documents': documents,
    'national.sickNotes': summary.sent['sick-note'],
    'national.persons': summary.persons,
    'national.feedS': (fedAt - start) / 1000,
    'national.totalS': (doneAt - start) / 1000,
    'national.documentsPerS': perSecond(documents, doneAt - start),
  };
  const cpu = stopCpu();
  figures['cpu.national.busy'] = cpu.machineBusy;
  for (const [source, ms] of Object.entries(cpu.ms)) figures[`cpu.national.${source}`] = ms / documents;
  for (const [name, peak] of memory.stop()) figures[`memory.${name}.national`] = peak;
  report(`${documents.toLocaleString('en-US')} documents in ${figures['national.totalS']!.toFixed(1)} s (${Math.round(figures['national.documentsPerS']!)}/s)`);
  return figures;
}

/** case-intake's gRPC API, or its inbound topics through one idempotent producer; either way closed by the caller. */
async function feedTarget(env: LocalEnvironment, kafka: Kafka): Promise<FeedTarget & { close(): Promise<void> | void }> {
  if (options.nationalVia === 'grpc') return new GrpcFeedTarget(grpcAddress(localService('case-intake'), env));
  const producer = createProducer(kafka);
  await producer.connect();
  return Object.assign(new KafkaFeedTarget(producer, env.topicPrefix, 'bench-national'), { close: () => producer.disconnect() });
}

/** Kafka unless told otherwise: a bulk replay is what the inbound topics are for. */
function feedPath(value: string | undefined): 'grpc' | 'kafka' {
  if (value === undefined || value === 'grpc' || value === 'kafka') return value ?? 'kafka';
  throw new RangeError(`BENCH_NATIONAL_VIA must be grpc or kafka, not ${value}`);
}

/** Every process that does the platform's work, for CPU per note or document. */
function cpuSources(env: LocalEnvironment, pids: () => ReadonlyMap<string, number | undefined>): Record<string, CpuSource> {
  return {
    ...Object.fromEntries(SERVICES.map((name) => [name, () => processCpu(pids().get(name))])),
    postgres: () => postgresCpu(env.database),
    kafka: () => processCpu(kafkaBrokerPid()),
    bench: () => new Map([[process.pid, (process.cpuUsage().user + process.cpuUsage().system) / 1000]]),
  };
}

interface RunningPlatform {
  readonly env: LocalEnvironment;
  readonly pool: Pool;
  readonly pids: () => ReadonlyMap<string, number | undefined>;
  readonly settled: (what: string, limitMs?: number) => Promise<number>;
}

/** The platform's end-to-end rate over each raw limit of the same run. */
function ratios(figures: Figures): Figures {
  const result: Figures = {};
  for (const phase of ['max', 'steady']) {
    for (const limit of ['raw.pg.perNote', 'raw.pg.batched', 'raw.kafka.produce', 'raw.kafka.consume']) {
      result[`ratio.${phase}/${limit}`] = figures[`${phase}.notesPerS`]! / figures[`${limit}.notesPerS`]!;
    }
  }
  return result;
}

function sentAtByNote(submitted: Submitted, prefix: string): Map<string, number> {
  return new Map(Array.from(submitted.sentAt, (at, index) => [`${prefix}${index}`, at]));
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

main().catch(async (error: unknown) => {
  process.stderr.write(`bench failed: ${message(error)}\n`);
  await cleanups.run();
  process.exit(1);
});
