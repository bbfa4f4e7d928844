import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Exact nearest-rank percentile of ascending values: the smallest value with at least p% at or below it. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Resident and peak resident memory of a process, from /proc/<pid>/status, in MiB. */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

let tickMs: number | undefined;

/** /proc counts CPU time in clock ticks: 100 per second on every Linux this runs on, but ask anyway. */
function ticksToMs(ticks: number): number {
  tickMs ??= 1000 / (Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100);
  return ticks * tickMs;
}

/**
 * CPU milliseconds a process has used (utime + stime), or undefined once it has gone; with
 * `reapedChildren`, also what its children that have ended used (cutime + cstime).
 */
function cpuMsOf(pid: number, reapedChildren = false): number | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself contain spaces or parentheses.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const children = reapedChildren ? Number(fields[13]) + Number(fields[14]) : 0;
    return ticksToMs(Number(fields[11]) + Number(fields[12]) + children);
  } catch {
    return undefined;
  }
}

function cmdline(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

function allPids(): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
}

/** Cumulative CPU milliseconds by process id, for the processes that make up one part of the system. */
export type CpuSource = () => Map<number, number>;

export function processCpu(pid: number | undefined): Map<number, number> {
  const ms = pid === undefined ? undefined : cpuMsOf(pid);
  return new Map(ms === undefined ? [] : [[pid!, ms]]);
}

/**
 * The PostgreSQL server as far as it works for one database: the postmaster, its background
 * processes and the backends connected to that database. Other databases' backends (other
 * people's tests) are left to "other", except those that end during the measurement: a backend
 * that ends (a pool closing an idle connection) is counted through the postmaster, which reaps it,
 * whatever its database, since its own count is gone by then.
 */
export function postgresCpu(database: string): Map<number, number> {
  const result = new Map<number, number>();
  for (const pid of allPids()) {
    const args = cmdline(pid);
    const isPostgres = args[0]?.startsWith('postgres:') || args[0]?.endsWith('/bin/postgres');
    if (!isPostgres) continue;
    // A client backend is titled "postgres: 15/main: <role> <database> <client> <state>".
    const backend = /^postgres: [^:]+: (\S+) (\S+) \S+\(\d+\)/.exec(args[0]!);
    if (backend && backend[2] !== database) continue;
    const ms = cpuMsOf(pid, args[0]!.endsWith('/bin/postgres'));
    if (ms !== undefined) result.set(pid, ms);
  }
  return result;
}

/** The Kafka broker's JVM, found by its main class; it may be another clone's broker on the same port. */
export function kafkaBrokerPid(): number | undefined {
  return allPids().find((pid) => cmdline(pid).includes('kafka.Kafka'));
}

/** Busy and total CPU milliseconds of the whole machine, all cores together (/proc/stat). */
function machineCpuMs(): { busy: number; total: number } {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busy: ticksToMs(busy), total: ticksToMs(busy + idle! + iowait!) };
}

export interface CpuUsage {
  /** Share of the whole machine (all cores) that was busy, 0–1. */
  readonly machineBusy: number;
  /** CPU milliseconds per source, plus `other`: busy time no source accounts for. */
  readonly ms: Record<string, number>;
}

/**
 * Starts measuring CPU; the returned function ends the measurement. Counted per process: one that
 * started meanwhile counts in full, one that ended meanwhile (a short-lived backend) is lost.
 */
export function measureCpu(sources: Record<string, CpuSource>): () => CpuUsage {
  const read = () => ({ machine: machineCpuMs(), each: Object.fromEntries(Object.entries(sources).map(([name, source]) => [name, source()])) });
  const start = read();
  return () => {
    const end = read();
    const ms: Record<string, number> = {};
    for (const name of Object.keys(sources)) {
      ms[name] = [...end.each[name]!].reduce((sum, [pid, cpu]) => sum + cpu - (start.each[name]!.get(pid) ?? 0), 0);
    }
    const busy = end.machine.busy - start.machine.busy;
    ms['other'] = Math.max(0, busy - Object.values(ms).reduce((sum, value) => sum + value, 0));
    return { machineBusy: busy / (end.machine.total - start.machine.total), ms };
  };
}

/** Milliseconds since an arbitrary origin, monotonic and sub-millisecond. */
export function now(): number {
  return performance.now();
}

/** A positive whole number from the environment (a benchmark's size), or the default. */
export function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
}

export function perSecond(count: number, ms: number): number {
  return count / (ms / 1000);
}

/**
 * Samples the resident memory of named processes until stopped and keeps each one's highest sample:
 * its peak during a phase, where VmHWM would only give the peak since the process started.
 */
export class RssSampler {
  private readonly peaks = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  public constructor(
    private readonly pids: () => ReadonlyMap<string, number | undefined>,
    intervalMs = 500,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  /** Stops sampling; the peak RSS in MiB by name. */
  public stop(): Map<string, number> {
    clearInterval(this.timer);
    this.sample();
    return new Map(this.peaks);
  }

  private sample(): void {
    for (const [name, pid] of this.pids()) {
      if (pid === undefined) continue;
      try {
        const { rss } = memoryMiB(pid);
        this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, rss));
      } catch {
        // the process has gone; its earlier samples stand
      }
    }
  }
}

/** A fraction in (0, 1] from the environment (a benchmark's scale), or the default. */
export function fraction(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value > 0 && value <= 1)) throw new Error(`${name} must be a fraction in (0, 1]`);
  return value;
}
