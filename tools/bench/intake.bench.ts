import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';

import { SickNoteReceivedEvent, type ConsumerGroup, type ServiceName } from '@syfo/contracts';
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
  testKafka,
  type LocalEnvironment,
} from '@syfo/testing';
import { Pool } from 'pg';

import { sickNoteRequest, storedRows } from './bench-notes';
import { kafkaBrokerPid, measureCpu, median, memoryMiB, now, percentile, perSecond, positiveInt, postgresCpu, processCpu, type CpuSource, type CpuUsage } from './measure';
import { deleteGroupsWithPrefix, startGroupsAtEnd, submitAll, waitUntil, type Submitted } from './platform';
import { produceRaw } from './raw-kafka';
import { createScratchTables, dropScratchTables, insertBatched, insertOneNotePerTransaction, resetScratchTables } from './raw-postgres';
import { renderReport, type BenchContext, type Figures, type Phase } from './report';

/**
 * The sick-note intake benchmark: raw PostgreSQL and Kafka limits, then case-intake as a real process
 * over gRPC, then the pipeline end to end, all in one isolated environment, and the platform's
 * figures as ratios of the raw limits measured in the same run. A program, not a test: it reports
 * and never fails on speed. See docs/benchmarks/case-intake.md.
 */
const options = {
  notes: positiveInt('BENCH_NOTES', 100_000),
  concurrency: positiveInt('BENCH_CONCURRENCY', 64),
  runs: positiveInt('BENCH_RUNS', 1),
};
const LOG_DIR = join(REPO_ROOT, '.local', 'logs', 'bench');
const REPORT = join(REPO_ROOT, 'docs', 'benchmarks', 'case-intake.md');
/** Waits assume at least 100 notes/s; slower than that means something is stuck, not slow. */
const WAIT_LIMIT_MS = Math.max(120_000, options.notes * 10);
/** A safety net: a hung call has no deadline, and the program must always end by itself. */
const RUN_LIMIT_MS = 10 * 60_000 + 5 * WAIT_LIMIT_MS;

/** What to undo, newest first; run at the end of each run, on failure, on a signal and by the watchdog. */
const cleanups: (() => Promise<unknown> | void)[] = [];
let cleaning: Promise<void> | undefined;

/**
 * Callers that overlap (a signal while a failing run unwinds) share one clean-up and all wait for its
 * end. Each step gets a time limit, since one can wait on work still in flight (pool.end waits for
 * every connection to come back), and the topics must go even then.
 */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (let task = cleanups.pop(); task; task = cleanups.pop()) {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([task(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), 35_000)))]);
      } catch (error) {
        process.stderr.write(`  clean-up step failed: ${message(error)}\n`);
      } finally {
        clearTimeout(timer);
      }
    }
  })().finally(() => (cleaning = undefined));
  return cleaning;
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping the services and deleting the bench topics\n`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  const setup = await describeSetup();
  process.stdout.write(`Machine: ${setup.machine}\nVersions: ${setup.versions}\n`);
  process.stdout.write(`Parameters: ${options.notes} notes, ${options.concurrency} in flight, ${options.runs} run(s)\n`);

  const runs: Figures[] = [];
  for (let run = 1; run <= options.runs; run += 1) {
    process.stdout.write(`\n=== run ${run} of ${options.runs}\n`);
    const watchdog = setTimeout(() => {
      process.stderr.write(`run ${run} exceeded ${Math.round(RUN_LIMIT_MS / 60_000)} min; giving up\n`);
      void cleanUp().finally(() => process.exit(1));
    }, RUN_LIMIT_MS).unref();
    try {
      runs.push(await benchmarkRun(setup.postgresSettings.autovacuum === 'on'));
    } finally {
      clearTimeout(watchdog);
      await cleanUp();
    }
  }

  const context: BenchContext = { ...setup, date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), notes: options.notes, concurrency: options.concurrency, runs };
  const report = renderReport(context, medianOf(runs));
  mkdirSync(join(REPO_ROOT, 'docs', 'benchmarks'), { recursive: true });
  writeFileSync(REPORT, report);
  process.stdout.write(`\n${report}\nWritten to ${REPORT}\n`);
}

/** One complete run in a fresh environment: its own database contents, topic prefix and processes. */
async function benchmarkRun(autovacuum: boolean): Promise<Figures> {
  const env: LocalEnvironment = { ...DEFAULT_ENVIRONMENT, database: 'syfo_bench', portOffset: 2000, topicPrefix: `bench-${randomUUID().slice(0, 8)}.` };
  const kafka = testKafka(env.kafkaBrokers);
  const topic = `${env.topicPrefix}${SickNoteReceivedEvent.topic}`;
  const figures: Figures = {};
  cleanups.push(async () => {
    await deleteTopicsWithPrefix(kafka, env.topicPrefix);
    await deleteGroupsWithPrefix(kafka, env.topicPrefix);
  });

  step(`preparing database ${env.database} and topics under ${env.topicPrefix}`);
  await recreateDatabase(env);
  await prepareInfrastructure(env);
  const pool = new Pool({ host: env.pgHost, port: env.pgPort, user: 'postgres', database: env.database, max: 12 });
  cleanups.push(() => pool.end());
  const pending = async () => (await pool.query('SELECT count(*)::int AS n FROM case_intake.outbox_message WHERE published_at IS NULL')).rows[0].n as number;

  step(`generating ${options.notes.toLocaleString('en-US')} × 2 distinct sick notes`);
  const intakeNotes = Array.from({ length: options.notes }, (_, n) => sickNoteRequest('intake', n));
  // Other people than phase 3's, so every note of either phase is its person's first.
  const e2eNotes = Array.from({ length: options.notes }, (_, n) => sickNoteRequest('e2e', options.notes + n));
  const rows = intakeNotes.map((note) => storedRows(note, env.region));

  const kafkaPid = kafkaBrokerPid();
  const services = new Map<ServiceName, ServiceProcess>();
  const cpuSources: Record<string, CpuSource> = {
    'case-intake': () => processCpu(services.get('case-intake')?.pid),
    triage: () => processCpu(services.get('triage')?.pid),
    statistics: () => processCpu(services.get('statistics')?.pid),
    postgres: () => postgresCpu(env.database),
    kafka: () => processCpu(kafkaPid),
    bench: () => {
      const { user, system } = process.cpuUsage();
      return new Map([[process.pid, (user + system) / 1000]]);
    },
  };
  const phase = async <T>(name: Phase, work: () => Promise<T>): Promise<T> => {
    const stop = measureCpu(cpuSources);
    const start = now();
    const result = await work();
    recordCpu(figures, name, stop(), now() - start);
    return result;
  };

  step('phase 1: raw PostgreSQL');
  await createScratchTables(pool);
  await resetScratchTables(pool);
  const batchedMs = await phase('pgBatched', () => insertBatched(pool, rows));
  figures['raw.pg.batched.notesPerS'] = perSecond(options.notes, batchedMs);
  report(`batched: ${Math.round(figures['raw.pg.batched.notesPerS'])} notes/s`);
  await resetScratchTables(pool);
  const perNoteMs = await phase('pgPerNote', () => insertOneNotePerTransaction(pool, rows));
  figures['raw.pg.perNote.notesPerS'] = perSecond(options.notes, perNoteMs);
  report(`one note per transaction: ${Math.round(figures['raw.pg.perNote.notesPerS'])} notes/s`);
  await dropScratchTables(pool);

  step('phase 2: raw Kafka');
  const produced = await phase('kafka', () => produceRaw(kafka, `${env.topicPrefix}bench.raw-produce`, rows));
  figures['raw.kafka.notesPerS'] = perSecond(options.notes, produced.ms);
  figures['raw.kafka.msgsPerS'] = perSecond(produced.messages, produced.ms);
  figures['raw.kafka.mbPerS'] = produced.bytes / 1e6 / (produced.ms / 1000);
  figures['raw.kafka.sickNoteBytes'] = rows.reduce((sum, row) => sum + Buffer.byteLength(row.events[0].envelope), 0) / rows.length;
  figures['raw.kafka.tilfelleBytes'] = rows.reduce((sum, row) => sum + Buffer.byteLength(row.events[1].envelope), 0) / rows.length;
  report(`${Math.round(figures['raw.kafka.msgsPerS'])} msg/s (${Math.round(figures['raw.kafka.notesPerS'])} notes/s)`);

  step('phase 3: case-intake alone');
  await pool.query('CHECKPOINT');
  if (!autovacuum) analyzeAsAutovacuumWould(pool);
  await startService('case-intake', env, services);
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // let start-up garbage settle before "at rest"
  figures['rss.atRest'] = memoryMiB(services.get('case-intake')!.pid!).rss;
  const intake = grpcClient('case-intake', 'SickNoteService', grpcAddress(localService('case-intake'), env));
  cleanups.push(() => intake.close());
  await phase('intake', async () => {
    const submitted = await submitAll(intake.call, intakeNotes, options.concurrency);
    figures['intake.pendingAtLastCall'] = await pending();
    const drainedAt = await waitUntil('the outbox is drained', async () => (await pending()) === 0, WAIT_LIMIT_MS, 50);
    Object.assign(figures, latencyFigures(submitted));
    figures['intake.notesPerS'] = perSecond(options.notes, submitted.endedAt - submitted.startedAt);
    figures['intake.drainS'] = (drainedAt - submitted.endedAt) / 1000;
    figures['intake.publishedNotesPerS'] = perSecond(options.notes, drainedAt - submitted.startedAt);
  });
  report(`${Math.round(figures['intake.notesPerS']!)} notes/s, p99 ${figures['intake.latency.p99']!.toFixed(1)} ms, outbox drained ${figures['intake.drainS']!.toFixed(2)} s after the last call`);

  step('phase 4: end to end, with triage and statistics');
  const groups: ConsumerGroup[] = ['triage.intake-events', 'statistics.intake-events'];
  await startGroupsAtEnd(kafka, groups.map((group) => `${env.topicPrefix}${group}`), topic);
  await Promise.all((['triage', 'statistics'] as const).map((name) => startService(name, env, services)));
  const statistics = grpcClient('statistics', 'IntakeCountsService', grpcAddress(localService('statistics'), env));
  cleanups.push(() => statistics.close());
  const counted = async () => Number((await statistics.call<{ totalSickNotes: string }>('GetIntakeCounts', {})).totalSickNotes);
  if ((await counted()) !== 0) throw new Error('statistics counted notes before phase 4 began');
  await phase('e2e', async () => {
    const submitted = await submitAll(intake.call, e2eNotes, options.concurrency);
    const [countedAt, triageAt] = await Promise.all([
      waitUntil('statistics has counted every note', async () => (await counted()) >= options.notes, WAIT_LIMIT_MS, 100),
      waitUntil('triage has caught up', () => groupCaughtUp(kafka, `${env.topicPrefix}triage.intake-events`, topic), WAIT_LIMIT_MS, 250),
    ]);
    figures['e2e.notesPerS'] = perSecond(options.notes, countedAt - submitted.startedAt);
    figures['e2e.intakeNotesPerS'] = perSecond(options.notes, submitted.endedAt - submitted.startedAt);
    figures['e2e.statisticsLagS'] = (countedAt - submitted.endedAt) / 1000;
    figures['e2e.triageLagS'] = (triageAt - submitted.endedAt) / 1000;
  });
  const total = await counted();
  if (total !== options.notes) throw new Error(`statistics counted ${total} notes, expected ${options.notes}`);
  report(`${Math.round(figures['e2e.notesPerS']!)} notes/s counted by statistics; statistics ${figures['e2e.statisticsLagS']!.toFixed(1)} s, triage ${figures['e2e.triageLagS']!.toFixed(1)} s after the last call`);

  const memory = memoryMiB(services.get('case-intake')!.pid!);
  figures['rss.end'] = memory.rss;
  figures['rss.peak'] = memory.peak;
  step('stopping the services');
  await Promise.all([...services.values()].map(stopOrKill));
  addRatios(figures);
  return figures;
}

async function startService(name: ServiceName, env: LocalEnvironment, services: Map<ServiceName, ServiceProcess>): Promise<void> {
  const service = new ServiceProcess(localService(name), env, { LOG_LEVEL: 'warn' }, LOG_DIR);
  services.set(name, service);
  cleanups.push(() => stopOrKill(service));
  await service.start();
}

/**
 * In production autovacuum keeps the planner's statistics current as tables grow. Without them
 * (autovacuum is off on the dev cluster) the plans made for empty tables stay, and a query can end up
 * scanning a whole index on every call, so each call is slower than the last and the figures say
 * more about the missing statistics than about the service. Hence ANALYZE every 30 s meanwhile.
 */
function analyzeAsAutovacuumWould(pool: Pool): void {
  const timer = setInterval(() => void pool.query('ANALYZE').catch(() => undefined), 30_000);
  cleanups.push(() => clearInterval(timer));
}

/** A graceful stop lets the consumers leave their groups, so the groups can be deleted; SIGKILL if it hangs. */
async function stopOrKill(service: ServiceProcess): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([service.stop(), new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
  clearTimeout(timer);
  await service.kill();
}

function latencyFigures(submitted: Submitted): Figures {
  const sorted = submitted.latencies.slice().sort();
  return {
    'intake.latency.p50': percentile(sorted, 50),
    'intake.latency.p90': percentile(sorted, 90),
    'intake.latency.p99': percentile(sorted, 99),
    'intake.latency.max': sorted[sorted.length - 1]!,
    'intake.latency.mean': sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}

/** CPU per note for each process, so phases of different lengths compare. */
function recordCpu(figures: Figures, phase: Phase, usage: CpuUsage, wallMs: number): void {
  figures[`cpu.${phase}.wallS`] = wallMs / 1000;
  figures[`cpu.${phase}.busy`] = usage.machineBusy;
  for (const [source, ms] of Object.entries(usage.ms)) {
    // A service that was not running in this phase gets no column value rather than a zero.
    if (ms > 0 || ['postgres', 'kafka', 'bench', 'other'].includes(source)) figures[`cpu.${phase}.${source}`] = ms / options.notes;
  }
}

/** Each platform figure over each raw limit of the same run. */
function addRatios(figures: Figures): void {
  const raw = { pgPerNote: figures['raw.pg.perNote.notesPerS']!, pgBatched: figures['raw.pg.batched.notesPerS']!, kafka: figures['raw.kafka.notesPerS']! };
  const platform = { intake: figures['intake.notesPerS']!, published: figures['intake.publishedNotesPerS']!, e2e: figures['e2e.notesPerS']!, e2eIntake: figures['e2e.intakeNotesPerS']! };
  for (const [name, value] of Object.entries(platform)) {
    for (const [limit, rate] of Object.entries(raw)) figures[`ratio.${name}/${limit}`] = value / rate;
  }
  figures['ratio.e2e/intake'] = platform.e2e / platform.intake;
}

function medianOf(runs: readonly Figures[]): Figures {
  return Object.fromEntries(Object.keys(runs[0]!).map((key) => [key, median(runs.map((run) => run[key]!))]));
}

async function describeSetup(): Promise<Pick<BenchContext, 'machine' | 'versions' | 'postgresSettings'>> {
  const cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  const kafka = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(join(REPO_ROOT, 'tools', 'kafka', 'pom.xml'), 'utf8'))?.[1] ?? 'unknown';
  const settings = new Pool({ host: DEFAULT_ENVIRONMENT.pgHost, port: DEFAULT_ENVIRONMENT.pgPort, user: 'postgres', database: 'postgres', max: 1 });
  try {
    const { rows } = await settings.query(
      "SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers', 'max_wal_size', 'autovacuum')",
    );
    const pg = Object.fromEntries(rows.map((row: { name: string; setting: string }) => [row.name, row.setting]));
    const clients = ['kafkajs', 'pg', '@grpc/grpc-js'].map((name) => `${name} ${JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')).version}`);
    return {
      machine: `${cpuModel}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Linux ${release()}; load average ${loadavg()[0]!.toFixed(2)} at the start`,
      versions: `Node ${process.version}, Kafka ${kafka} (tools/kafka/pom.xml), PostgreSQL ${pg['server_version']} (fsync ${pg['fsync']}, synchronous_commit ${pg['synchronous_commit']}, shared_buffers ${Number(pg['shared_buffers']) / 128} MiB, max_wal_size ${pg['max_wal_size']} MiB, autovacuum ${pg['autovacuum']}), ${clients.join(', ')}; commit ${commit()}`,
      postgresSettings: { fsync: pg['fsync']!, synchronousCommit: pg['synchronous_commit']!, autovacuum: pg['autovacuum']! },
    };
  } finally {
    await settings.end();
  }
}

/** The checked-out commit; the working tree may carry uncommitted changes on top. */
function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function step(text: string): void {
  process.stdout.write(`› ${text}\n`);
}

function report(text: string): void {
  process.stdout.write(`  ${text}\n`);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch(async (error: unknown) => {
  process.stderr.write(`bench failed: ${message(error)}\n`);
  await cleanUp();
  process.exit(1);
});
