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

// /proc counts CPU time in clock ticks; 100 per second on every Linux this runs on, but ask anyway.
const TICK_MS = 1000 / (Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100);

interface ProcStat {
  readonly comm: string;
  readonly ppid: number;
  /** utime + stime: CPU the process itself used. */
  readonly ownMs: number;
  /** cutime + cstime: CPU of children it has reaped (exited PostgreSQL backends end up here). */
  readonly reapedMs: number;
}

function procStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // exited between listing and reading
  }
  // The command name is in parentheses and may itself contain spaces or parentheses.
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  return {
    comm: text.slice(text.indexOf('(') + 1, close),
    ppid: Number(fields[1]),
    ownMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
    reapedMs: (Number(fields[13]) + Number(fields[14])) * TICK_MS,
  };
}

function allPids(): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
}

/** Cumulative CPU milliseconds of one process (0 once it has gone). */
export function processCpuMs(pid: number | undefined): number {
  return pid === undefined ? 0 : (procStat(pid)?.ownMs ?? 0);
}

/**
 * Cumulative CPU milliseconds of the PostgreSQL server: the postmaster with the backends it has
 * reaped, plus the backends alive now. A backend that exits between two readings moves from the
 * second term to the first, so differences stay right.
 */
export function postgresCpuMs(): number {
  const stats = new Map(allPids().flatMap((pid) => {
    const stat = procStat(pid);
    return stat?.comm === 'postgres' ? [[pid, stat] as const] : [];
  }));
  let total = 0;
  for (const stat of stats.values()) total += stats.has(stat.ppid) ? stat.ownMs : stat.ownMs + stat.reapedMs;
  return total;
}

/** The Kafka broker's JVM, found by its main class; it may be another clone's broker on the same port. */
export function kafkaBrokerPid(): number | undefined {
  return allPids().find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes('kafka.Kafka');
    } catch {
      return false;
    }
  });
}

/** Busy and total CPU milliseconds of the whole machine, all cores together (/proc/stat). */
function machineCpuMs(): { busy: number; total: number } {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busy: busy * TICK_MS, total: (busy + idle! + iowait!) * TICK_MS };
}

/** Named sources of cumulative CPU milliseconds, e.g. one per process that takes part in a phase. */
export type CpuSources = Record<string, () => number>;

export interface CpuUsage {
  /** Share of the whole machine (all cores) that was busy, 0–1. */
  readonly machineBusy: number;
  /** CPU milliseconds per source, plus `other`: busy time no source accounts for. */
  readonly ms: Record<string, number>;
}

/** Starts measuring CPU; the returned function ends the measurement. */
export function measureCpu(sources: CpuSources): () => CpuUsage {
  const read = () => ({ machine: machineCpuMs(), each: Object.fromEntries(Object.entries(sources).map(([name, source]) => [name, source()])) });
  const start = read();
  return () => {
    const end = read();
    const ms = Object.fromEntries(Object.keys(sources).map((name) => [name, end.each[name]! - start.each[name]!]));
    const busy = end.machine.busy - start.machine.busy;
    ms['other'] = Math.max(0, busy - Object.values(ms).reduce((sum, value) => sum + value, 0));
    return { machineBusy: busy / (end.machine.total - start.machine.total), ms };
  };
}

/** Milliseconds since an arbitrary origin, monotonic and sub-millisecond. */
export function now(): number {
  return performance.now();
}
