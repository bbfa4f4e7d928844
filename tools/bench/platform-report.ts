import { LOCAL_SERVICES } from '@syfo/testing';

import type { Figures, MachineSetup } from './harness';
import { RAW_KAFKA_BATCH } from './raw-kafka';
import { RAW_BATCH_CONNECTIONS, RAW_BATCH_NOTES, RAW_PER_NOTE_CONNECTIONS } from './raw-postgres';

/** The day every service's simulated clock stands still on: the replayed year is the last full one. */
export const CLOCK_START = '2026-01-02T06:00:00Z';
export const NATIONAL_YEAR = 2025;

export interface PlatformBenchOptions {
  readonly runs: number;
  readonly notes: number;
  readonly concurrency: number;
  readonly steadySeconds: number;
  readonly steadyPercent: number;
  readonly nationalScale: number;
  /** Only the national year, at a larger scale, into docs/benchmarks/national-year.md. */
  readonly nationalOnly: boolean;
  /** How the national year reaches case-intake: its inbound topics (as a bulk replay would) or its gRPC API. */
  readonly nationalVia: 'grpc' | 'kafka';
}

export interface PlatformBenchContext extends MachineSetup {
  readonly date: string;
  readonly options: PlatformBenchOptions;
  readonly runs: readonly Figures[];
  /** docs/benchmarks/national-year.md is there to link to. */
  readonly nationalReportExists: boolean;
}

const STAGES = [
  ['accepted', 'case-intake committed'],
  ['triage', 'triage processed'],
  ['statistics', 'statistics processed'],
  ['both', 'both processed'],
] as const;
const CPU_COUNTING =
  'PostgreSQL is the server and the backends of the bench database, with the backends that ended meanwhile (a pool closing an idle connection) counted through the postmaster; "other" is busy time no listed process accounts for (the kernel, other work on the machine).';
const CPU_SOURCES = [...LOCAL_SERVICES.map((service) => service.name), 'postgres', 'kafka', 'bench', 'other'];

/** docs/benchmarks.md: the figures (medians of the runs), the raw limits beside them, and what they mean. */
export function renderPlatformReport(context: PlatformBenchContext, f: Figures): string {
  const { options } = context;
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const delays = (phase: string) => STAGES.map(([stage]) => `${ms(f[`${phase}.delay.${stage}.p50`])} / ${ms(f[`${phase}.delay.${stage}.p99`])}`);
  const missing = (['max', 'steady'] as const).flatMap((phase) => STAGES.filter(([stage]) => (f[`${phase}.missing.${stage}`] ?? 0) > 0).map(([stage, label]) => `${phase}: ${f[`${phase}.missing.${stage}`]} notes never reached "${label}"`));
  const raw = (label: string, key: string, messages?: string) =>
    row([label, rate(f[`${key}.notesPerS`]), messages === undefined ? '' : rate(f[messages]), times(f[`ratio.max/${key}`]), times(f[`ratio.steady/${key}`])]);
  const platformCpu = CPU_SOURCES.filter((source) => source !== 'other').reduce((sum, source) => sum + (f[`cpu.max.${source}`] ?? 0), 0);
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (tools/bench/platform.bench.ts) on ${context.date}; each run of the command overwrites it. Deeper benchmarks of single services are linked at the end.`,
    '',
    `- **Machine:** ${context.machine}`,
    `- **Node:** ${context.nodeVersion} (pinned in .nvmrc; the scripts install it)`,
    `- **Versions:** ${context.versions}`,
    `- **Runs:** ${context.runs.length}; every figure is the median of the runs, each ratio the median of the per-run ratios. Each run starts from an empty database (\`syfo_bench\`) and its own topic prefix.`,
    `- **Set-up:** all five services as real processes (ports +2000, LOG_LEVEL=warn, defaults otherwise), on a simulated clock frozen at ${CLOCK_START}, with the PostgreSQL server, the Kafka broker and the bench client on the same ${context.cores} cores.`,
    `- **Notes:** distinct, valid sick notes (tools/bench/bench-notes.ts), each its person's first, one- to three-week periods in ${NATIONAL_YEAR}, 500 employers; submitted with unary SubmitSickNote calls, each with its own x-correlation-id.`,
    '',
    '## End to end: from submission until triage and statistics have processed the note',
    '',
    `Delay per note, p50 / p99, from the moment its call was sent to: case-intake's transaction; the last of its events (and of the events they caused, found by the correlation id) that triage, and then statistics in both its consumer groups, began to process (the inbox rows' processed_at).`,
    '',
    row(['Load', 'Notes/s through both', ...STAGES.map(([, label]) => `${label} p50 / p99`), 'Slowest note']),
    row(['---', '--:', ...STAGES.map(() => '--:'), '--:']),
    row([`**Maximum**: ${options.notes.toLocaleString('en-US')} notes, ${options.concurrency} calls in flight`, `**${rate(f['max.notesPerS'])}**`, ...delays('max'), ms(f['max.delay.both.max'])]),
    row([
      `**Steady**: ${rate(f['steady.offeredPerS'])} notes/s offered (${options.steadyPercent} % of the maximum) for ${options.steadySeconds} s`,
      `**${rate(f['steady.notesPerS'])}**`,
      ...delays('steady'),
      ms(f['steady.delay.both.max']),
    ]),
    '',
    `At the maximum, SubmitSickNote itself took ${rate(f['max.intakeNotesPerS'])} notes/s while triage and statistics consumed beside it; the steady phase was offered at ${rate(f['steady.submittedPerS'])} notes/s as sent.${missing.length > 0 ? ` Not all notes went through: ${missing.join('; ')}.` : ' Every note reached every stage.'}`,
    '',
    '## The raw limits, measured in the same run',
    '',
    "The same notes' rows written to copies of case-intake's tables, and their two events (intake.sick-note.v1 and intake.tilfelle-person.v1, real envelopes, keys and headers) produced and consumed with kafkajs, with nothing else running.",
    '',
    row(['Raw limit', 'Notes/s', 'Messages/s', 'Maximum ÷ it', 'Steady ÷ it']),
    row(['---', '--:', '--:', '--:', '--:']),
    raw(`PostgreSQL: a note's rows (document, version, tilfelle list, 2 outbox rows), 1 note per transaction, ${RAW_PER_NOTE_CONNECTIONS} connections`, 'raw.pg.perNote'),
    raw(`PostgreSQL: the same rows, ${RAW_BATCH_NOTES.toLocaleString('en-US')} notes per transaction, ${RAW_BATCH_CONNECTIONS} connections`, 'raw.pg.batched'),
    raw(`kafkajs produce: idempotent, acks -1, ${RAW_KAFKA_BATCH} messages per request, ${Math.round(f['raw.kafka.bytesPerMessage']!)} B per message`, 'raw.kafka.produce', 'raw.kafka.produce.msgsPerS'),
    raw('kafkajs consume of those messages: 3 partitions at a time, nothing done per message', 'raw.kafka.consume', 'raw.kafka.consume.msgsPerS'),
    '',
    '## Memory of each service',
    '',
    'Resident set (RSS) in MiB, sampled every 0.5 s: at rest 5 s after start, the highest sample during the maximum and steady phases and during the national year, and the peak since start (VmHWM) at the end.',
    '',
    row(['Service', 'At rest', 'Under load (peak)', 'National year (peak)', 'Peak since start']),
    row(['---', '--:', '--:', '--:', '--:']),
    ...LOCAL_SERVICES.map(({ name }) => row([name, ...['rest', 'load', 'national', 'hwm'].map((what) => mib(f[`memory.${name}.${what}`]))])),
    '',
    ...nationalSection(context, f),
    '## Where the CPU went at the maximum',
    '',
    `CPU milliseconds per note, from /proc, while the maximum phase went through (machine ${percent(f['cpu.max.busy'])} busy). ${CPU_COUNTING}`,
    '',
    row(CPU_SOURCES),
    row(CPU_SOURCES.map(() => '--:')),
    row(CPU_SOURCES.map((source) => fixed(f[`cpu.max.${source}`], 2))),
    '',
    '## What it means',
    '',
    `- **${(f['cpu.max.busy'] ?? 0) >= 0.85 ? 'The platform is CPU-bound on this machine.' : `The machine was only ${percent(f['cpu.max.busy'])} busy, so waiting (round trips, commits, polling) sets the pace more than CPU.`}** All services, PostgreSQL and the broker used ${fixed(platformCpu, 1)} ms of CPU per note, which caps ${context.cores} cores near ${rate((context.cores * 1000) / platformCpu)} notes/s; the maximum reached ${rate(f['max.notesPerS'])}. Kafka is far from the limit (the raw producer and consumer move a note's events ${fixed(f['raw.kafka.produce.notesPerS']! / f['max.notesPerS']!, 0)}× and ${fixed(f['raw.kafka.consume.notesPerS']! / f['max.notesPerS']!, 0)}× as fast); what costs is case-intake's transaction per call (the note, its versions, the tilfelle recompute, the outbox) and, in the consumers, the writes for every event a note causes (its own two, and the milestone and work-item events triage publishes for it, which statistics reads again), batched per partition, plus gRPC, validation and the domain work around them.`,
    `- **Delay.** At the maximum, notes queue behind each other (${options.concurrency} calls in flight), so the delay is mostly waiting; at half the maximum a note is through both consumers in ${ms(f['steady.delay.both.p50'])} at the median and ${ms(f['steady.delay.both.p99'])} at p99.`,
    `- **Memory.** The largest resident set under load was ${mib(Math.max(...LOCAL_SERVICES.map(({ name }) => f[`memory.${name}.load`] ?? 0)))} MiB; RSS alone cannot tell a leak from heap the allocator keeps because the machine has plenty. The national recomputation in the statistics benchmark is where statistics peaks.`,
    '',
    '## Per run',
    '',
    row(['Run', 'Maximum notes/s', 'Steady both p99', 'Raw PG 1/tx notes/s', 'Raw Kafka produce notes/s', 'National year total']),
    row(['--:', '--:', '--:', '--:', '--:', '--:']),
    ...context.runs.map((run, index) =>
      row([String(index + 1), rate(run['max.notesPerS']), ms(run['steady.delay.both.p99']), rate(run['raw.pg.perNote.notesPerS']), rate(run['raw.kafka.produce.notesPerS']), duration(run['national.totalS'])]),
    ),
    '',
    '## Deeper benchmarks',
    '',
    ...(context.nationalReportExists ? ['- [a national year at a larger scale](benchmarks/national-year.md) (`BENCH_NATIONAL_ONLY=1 BENCH_NATIONAL_SCALE=0.01 BENCH_RUNS=1 npm run bench`): the replay alone, with ten times the people.'] : []),
    '- [case-intake](benchmarks/case-intake.md) (`npm run bench:intake`): SubmitSickNote alone, its outbox relay and CPU per call.',
    '- [triage](benchmarks/triage.md) (`npm run bench:triage`): tilfeller per second through milestones and the work-list query.',
    '- [statistics](benchmarks/statistics.md) (`npm run bench:statistics`): a national recomputation, the incremental path and the employer API.',
    '',
    '## How to reproduce',
    '',
    '```bash',
    'npm run bench                                   # 3 runs: 10,000 notes at the maximum, 60 s steady, national year at scale 0.001',
    'BENCH_RUNS=1 BENCH_NOTES=2000 BENCH_STEADY_SECONDS=20 BENCH_NATIONAL_SCALE=0.0005 npm run bench   # a quick look',
    'BENCH_NATIONAL_VIA=grpc npm run bench          # the national year through the gRPC API instead of the inbound topics',
    '```',
    '',
    'It needs what `npm start` needs (PostgreSQL, Java and Maven for the broker) and installs the rest. Service logs go to `.local/logs/bench/`; the database stays for inspection until the next run; topics and consumer groups are deleted at the end of each run, also on failure or Ctrl-C. Other work on the machine lowers every figure; the ratios travel better than the absolute numbers.',
    '',
  ].join('\n');
}

/** The national year's table and what it means for a whole year; in both reports. */
function nationalSection(context: PlatformBenchContext, f: Figures): string[] {
  const { options } = context;
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const fullDocuments = f['national.documents']! / options.nationalScale;
  const fullSeconds = fullDocuments / f['national.documentsPerS']!;
  return [
    '## A national year replayed',
    '',
    `The simulator's whole country for ${NATIONAL_YEAR} (\`npm run simulate -- --country --from ${NATIONAL_YEAR} --to ${NATIONAL_YEAR}\`), at a scale of ${options.nationalScale} of its people, fed to case-intake as case systems would (the employer register first, then person by person: arbeidsforhold, sick notes, søknader, screening answers, cancellations) ${
      options.nationalVia === 'grpc'
        ? 'over its gRPC API (sick notes through SubmitSickNotes, the other documents through SubmitDocuments, in bulk streams of 1,000, 32 streams in flight)'
        : 'on its inbound Kafka topics (sick notes on one, the other kinds on the other, keyed by person, 500 messages per produce request)'
    } as fast as it takes them, until triage and statistics have processed everything.`,
    '',
    row(['Scale', 'Persons', 'Documents (sick notes)', 'Fed in', 'Total until processed', 'Documents/s']),
    row(['--:', '--:', '--:', '--:', '--:', '--:']),
    row([
      String(options.nationalScale),
      count(f['national.persons']),
      `${count(f['national.documents'])} (${count(f['national.sickNotes'])})`,
      duration(f['national.feedS']),
      `**${duration(f['national.totalS'])}**`,
      rate(f['national.documentsPerS']),
    ]),
    '',
    `CPU milliseconds per document, from /proc, while the replay went through (machine ${percent(f['cpu.national.busy'])} busy). ${CPU_COUNTING}`,
    '',
    row(CPU_SOURCES),
    row(CPU_SOURCES.map(() => '--:')),
    row(CPU_SOURCES.map((source) => fixed(f[`cpu.national.${source}`], 2))),
    '',
    `**The full national year** is about ${count(fullDocuments)} documents. At the rate measured here it would take **${duration(fullSeconds)}** on this machine: an extrapolation, not a measurement, and a generous one, since the tables then hold ${Math.round(1 / options.nationalScale)} times as many rows. It is not run in full here: at that rate it does not fit in a working session on ${context.cores} cores. \`BENCH_NATIONAL_ONLY=1 BENCH_NATIONAL_SCALE=1 BENCH_RUNS=1 npm run bench\` runs it.`,
    '',
  ];
}

/** docs/benchmarks/national-year.md: the national year alone, at a larger scale than the main report's. */
export function renderNationalYearReport(context: PlatformBenchContext, f: Figures): string {
  return [
    '# Benchmark: a national year replayed',
    '',
    `Written by \`BENCH_NATIONAL_ONLY=1 BENCH_NATIONAL_SCALE=${context.options.nationalScale}${context.options.nationalVia === 'grpc' ? ' BENCH_NATIONAL_VIA=grpc' : ''} BENCH_RUNS=${context.runs.length} npm run bench\` (tools/bench/platform.bench.ts) on ${context.date}. The main report, [benchmarks.md](../benchmarks.md), has the same at a smaller scale beside the end-to-end figures.`,
    '',
    `- **Machine:** ${context.machine}`,
    `- **Versions:** ${context.versions}`,
    `- **Set-up:** all five services as real processes (LOG_LEVEL=warn, defaults otherwise), on a simulated clock frozen at ${CLOCK_START}; every figure the median of ${context.runs.length} run(s).`,
    '',
    ...nationalSection(context, f),
    '## Memory of each service (MiB)',
    '',
    '| Service | At rest | National year (peak) | Peak since start |',
    '| --- | --: | --: | --: |',
    ...LOCAL_SERVICES.map(({ name }) => `| ${name} | ${['rest', 'national', 'hwm'].map((what) => mib(f[`memory.${name}.${what}`])).join(' | ')} |`),
    '',
  ].join('\n');
}

function rate(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : Math.round(value).toLocaleString('en-US');
}

function count(value: number | undefined): string {
  return rate(value);
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value) ? '–' : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function ms(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return value < 1000 ? `${Math.round(value)} ms` : `${fixed(value / 1000, 1)} s`;
}

function mib(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : String(Math.round(value));
}

function percent(share: number | undefined): string {
  return share === undefined ? '–' : `${Math.round(share * 100)} %`;
}

/** Two significant digits: ratios span from thousandths to about one. */
function times(ratio: number | undefined): string {
  return ratio === undefined || !Number.isFinite(ratio) ? '–' : `${Number(ratio.toPrecision(2))}×`;
}

function duration(totalSeconds: number | undefined): string {
  if (totalSeconds === undefined || !Number.isFinite(totalSeconds)) return '–';
  if (totalSeconds < 120) return `${fixed(totalSeconds, 1)} s`;
  const minutes = Math.round(totalSeconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = totalSeconds / 3600;
  return hours < 48 ? `${fixed(hours, 1)} h` : `${fixed(hours / 24, 1)} days`;
}
