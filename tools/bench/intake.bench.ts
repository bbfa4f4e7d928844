import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { SickNoteReceivedEvent, type ConsumerGroup, type ServiceName } from '@syfo/contracts';
import { REPO_ROOT, grpcAddress, grpcClient, groupCaughtUp, localService, type ServiceProcess } from '@syfo/testing';

import { sickNoteRequest, storedRows } from './bench-notes';
import { Cleanups, analyzeAsAutovacuumWould, describeSetup, freshBenchEnvironment, medianOf, message, repeatRuns, report, startBenchService, step, stopOrKill, type Figures } from './harness';
import { kafkaBrokerPid, measureCpu, memoryMiB, now, percentile, perSecond, positiveInt, postgresCpu, processCpu, type CpuSource, type CpuUsage } from './measure';
import { startGroupsAtEnd, submitAll, waitUntil, type Submitted } from './platform';
import { produceRaw } from './raw-kafka';
import { createScratchTables, dropScratchTables, insertBatched, insertOneNotePerTransaction, resetScratchTables } from './raw-postgres';
import { renderReport, type BenchContext, type Phase } from './report';

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
const REPORT = join(REPO_ROOT, 'docs', 'benchmarks', 'case-intake.md');
/** Waits assume at least 100 notes/s; slower than that means something is stuck, not slow. */
const WAIT_LIMIT_MS = Math.max(120_000, options.notes * 10);
/** A safety net: a hung call has no deadline, and the program must always end by itself. */
const RUN_LIMIT_MS = 10 * 60_000 + 5 * WAIT_LIMIT_MS;

/** What to undo, newest first; run at the end of each run, on failure, on a signal and by the watchdog. */
const cleanups = new Cleanups();

async function main(): Promise<void> {
  cleanups.onSignals();
  const setup = await describeSetup();
  process.stdout.write(`Machine: ${setup.machine}\nVersions: ${setup.versions}\n`);
  process.stdout.write(`Parameters: ${options.notes} notes, ${options.concurrency} in flight, ${options.runs} run(s)\n`);

  const runs = await repeatRuns(cleanups, options.runs, RUN_LIMIT_MS, () => benchmarkRun(setup.postgresSettings.autovacuum === 'on'));

  const context: BenchContext = { ...setup, date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), notes: options.notes, concurrency: options.concurrency, runs };
  const report = renderReport(context, medianOf(runs));
  mkdirSync(join(REPO_ROOT, 'docs', 'benchmarks'), { recursive: true });
  writeFileSync(REPORT, report);
  process.stdout.write(`\n${report}\nWritten to ${REPORT}\n`);
}

/** One complete run in a fresh environment: its own database contents, topic prefix and processes. */
async function benchmarkRun(autovacuum: boolean): Promise<Figures> {
  const { env, kafka, pool } = await freshBenchEnvironment(cleanups, { database: 'syfo_bench', portOffset: 2000, topicPrefix: 'bench' }, 12);
  const topic = `${env.topicPrefix}${SickNoteReceivedEvent.topic}`;
  const figures: Figures = {};
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
  if (!autovacuum) analyzeAsAutovacuumWould(pool, cleanups);
  services.set('case-intake', await startBenchService('case-intake', env, cleanups));
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // let start-up garbage settle before "at rest"
  figures['rss.atRest'] = memoryMiB(services.get('case-intake')!.pid!).rss;
  const intake = grpcClient('case-intake', 'SickNoteService', grpcAddress(localService('case-intake'), env));
  cleanups.push(() => intake.close());
  await phase('intake', async () => {
    const submitted = await submitAll(intake.call, intakeNotes, { concurrency: options.concurrency });
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
  await Promise.all((['triage', 'statistics'] as const).map(async (name) => services.set(name, await startBenchService(name, env, cleanups))));
  const statistics = grpcClient('statistics', 'IntakeCountsService', grpcAddress(localService('statistics'), env));
  cleanups.push(() => statistics.close());
  const counted = async () => Number((await statistics.call<{ totalSickNotes: string }>('GetIntakeCounts', {})).totalSickNotes);
  if ((await counted()) !== 0) throw new Error('statistics counted notes before phase 4 began');
  await phase('e2e', async () => {
    const submitted = await submitAll(intake.call, e2eNotes, { concurrency: options.concurrency });
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

main().catch(async (error: unknown) => {
  process.stderr.write(`bench failed: ${message(error)}\n`);
  await cleanups.run();
  process.exit(1);
});
