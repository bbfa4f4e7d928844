import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';

import type { ServiceName } from '@syfo/contracts';
import {
  DEFAULT_ENVIRONMENT,
  REPO_ROOT,
  ServiceProcess,
  deleteTopicsWithPrefix,
  localService,
  prepareInfrastructure,
  recreateDatabase,
  testKafka,
  type LocalEnvironment,
} from '@syfo/testing';
import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';

import { median } from './measure';
import { deleteGroupsWithPrefix } from './platform';

/** One run's results, flat so that several runs reduce to their medians key by key. */
export type Figures = Record<string, number>;

/** Every key of the first run, each the median over the runs that have it. */
export function medianOf(runs: readonly Figures[]): Figures {
  return Object.fromEntries(Object.keys(runs[0] ?? {}).map((key) => [key, median(runs.map((run) => run[key]).filter((value): value is number => value !== undefined))]));
}

/**
 * What a benchmark undoes, newest first: at the end of a run, on failure, on a signal and from a
 * watchdog. Callers that overlap (a signal while a failing run unwinds) share one clean-up. Each step
 * gets a time limit, since one can wait on work still in flight (pool.end waits for every connection
 * to come back), and the topics must go even then.
 */
export class Cleanups {
  private readonly tasks: (() => Promise<unknown> | void)[] = [];
  private cleaning: Promise<void> | undefined;

  public push(task: () => Promise<unknown> | void): void {
    this.tasks.push(task);
  }

  public run(): Promise<void> {
    this.cleaning ??= (async () => {
      for (let task = this.tasks.pop(); task; task = this.tasks.pop()) {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([task(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), 35_000)))]);
        } catch (error) {
          process.stderr.write(`  clean-up step failed: ${message(error)}\n`);
        } finally {
          clearTimeout(timer);
        }
      }
    })().finally(() => (this.cleaning = undefined));
    return this.cleaning;
  }

  /** SIGINT and SIGTERM clean up and exit, so no service, topic or group outlives the program. */
  public onSignals(): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        process.stderr.write(`\n${signal}: stopping the services and deleting the bench topics\n`);
        // Work still in flight fails as its clients and pools close; that must not end the program before the services stop.
        process.on('uncaughtException', (error) => process.stderr.write(`  while cleaning up: ${message(error)}\n`));
        void this.run().finally(() => process.exit(130));
      });
    }
  }
}

/**
 * Runs a benchmark `count` times, each under a watchdog (a hung call has no deadline, and the program
 * must always end by itself) and cleaned up after; returns each run's figures.
 */
export async function repeatRuns(cleanups: Cleanups, count: number, limitMs: number, run: (index: number) => Promise<Figures>): Promise<Figures[]> {
  const runs: Figures[] = [];
  for (let index = 1; index <= count; index += 1) {
    process.stdout.write(`\n=== run ${index} of ${count}\n`);
    const watchdog = setTimeout(() => {
      process.stderr.write(`run ${index} exceeded ${Math.round(limitMs / 60_000)} min; giving up\n`);
      void cleanups.run().finally(() => process.exit(1));
    }, limitMs).unref();
    try {
      runs.push(await run(index));
    } finally {
      clearTimeout(watchdog);
      await cleanups.run();
    }
  }
  return runs;
}

/** A graceful stop lets the consumers leave their groups, so the groups can be deleted; SIGKILL if it hangs. */
export async function stopOrKill(service: ServiceProcess): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([service.stop(), new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
  clearTimeout(timer);
  await service.kill();
}

/** Where the benchmarks' services write their logs. */
export const BENCH_LOG_DIR = join(REPO_ROOT, '.local', 'logs', 'bench');

export interface BenchEnvironment {
  readonly env: LocalEnvironment;
  readonly kafka: Kafka;
  /** The bench's own superuser connections, for raw limits and measurement. */
  readonly pool: Pool;
}

/**
 * A run's own world: the database recreated with every migration, the topics under a fresh prefix,
 * ports shifted. The clean-ups delete its topics and consumer groups and close the pool; the
 * database stays for inspection until the next run.
 */
export async function freshBenchEnvironment(
  cleanups: Cleanups,
  where: { readonly database: string; readonly portOffset: number; readonly topicPrefix: string },
  poolSize: number,
): Promise<BenchEnvironment> {
  const env: LocalEnvironment = { ...DEFAULT_ENVIRONMENT, database: where.database, portOffset: where.portOffset, topicPrefix: `${where.topicPrefix}-${randomUUID().slice(0, 8)}.` };
  const kafka = testKafka(env.kafkaBrokers);
  cleanups.push(async () => {
    await deleteTopicsWithPrefix(kafka, env.topicPrefix);
    await deleteGroupsWithPrefix(kafka, env.topicPrefix);
  });
  step(`preparing database ${env.database} and topics under ${env.topicPrefix}`);
  await recreateDatabase(env);
  await prepareInfrastructure(env);
  const pool = new Pool({ host: env.pgHost, port: env.pgPort, user: 'postgres', database: env.database, max: poolSize });
  cleanups.push(() => pool.end());
  return { env, kafka, pool };
}

/** A service as a real process with the bench's log level and log folder; the clean-ups stop it. */
export async function startBenchService(name: ServiceName, env: LocalEnvironment, cleanups: Cleanups, overrides: Record<string, string> = {}): Promise<ServiceProcess> {
  const service = new ServiceProcess(localService(name), env, { LOG_LEVEL: 'warn', ...overrides }, BENCH_LOG_DIR);
  cleanups.push(() => stopOrKill(service));
  await service.start();
  return service;
}

export interface MachineSetup {
  readonly machine: string;
  readonly versions: string;
  readonly nodeVersion: string;
  readonly cores: number;
  readonly postgresSettings: { readonly fsync: string; readonly synchronousCommit: string; readonly autovacuum: string };
}

/** The machine, the runtime and the settings that decide the figures, for the report's head. */
export async function describeSetup(): Promise<MachineSetup> {
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
      nodeVersion: process.version,
      cores: cpus().length,
      postgresSettings: { fsync: pg['fsync']!, synchronousCommit: pg['synchronous_commit']!, autovacuum: pg['autovacuum']! },
    };
  } finally {
    await settings.end();
  }
}

/** The checked-out commit, marked when the working tree differs from it. */
function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${head} with uncommitted changes` : head;
  } catch {
    return 'unknown (not a checkout)';
  }
}

/**
 * In production autovacuum keeps the planner's statistics current as tables grow. Without them
 * (autovacuum is off on the dev cluster) the plans made for empty tables stay, and a query can end up
 * scanning a whole index on every call, so each call is slower than the last and the figures say
 * more about the missing statistics than about the service. Hence ANALYZE every 30 s meanwhile.
 */
export function analyzeAsAutovacuumWould(pool: Pool, cleanups: Cleanups): void {
  const timer = setInterval(() => void pool.query('ANALYZE').catch(() => undefined), 30_000);
  cleanups.push(() => clearInterval(timer));
}

export function step(text: string): void {
  process.stdout.write(`› ${text}\n`);
}

export function report(text: string): void {
  process.stdout.write(`  ${text}\n`);
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
