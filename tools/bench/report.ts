import type { Figures, MachineSetup } from './harness';
import { RAW_KAFKA_BATCH } from './raw-kafka';
import { RAW_BATCH_CONNECTIONS, RAW_BATCH_NOTES, RAW_PER_NOTE_CONNECTIONS } from './raw-postgres';

export type { Figures } from './harness';

export interface BenchContext {
  readonly date: string;
  readonly machine: string;
  readonly versions: string;
  readonly postgresSettings: MachineSetup['postgresSettings'];
  readonly notes: number;
  readonly concurrency: number;
  readonly runs: readonly Figures[];
}

/** Where CPU time is attributed, in column order. */
const CPU_SOURCES = ['case-intake', 'triage', 'statistics', 'postgres', 'kafka', 'bench'] as const;
const CPU_COLUMNS = ['case-intake', 'triage', 'statistics', 'PostgreSQL', 'Kafka broker', 'bench client', 'other'];
export const PHASES = {
  pgPerNote: 'Raw PostgreSQL, 1 note per transaction',
  pgBatched: `Raw PostgreSQL, ${RAW_BATCH_NOTES.toLocaleString('en-US')} notes per transaction`,
  kafka: 'Raw Kafka produce',
  intake: 'case-intake: first call → outbox drained',
  e2e: 'End to end: first call → both consumers done',
} as const;
export type Phase = keyof typeof PHASES;

/** The result table, the CPU table and what they mean, as Markdown (also printed as is). */
export function renderReport(context: BenchContext, f: Figures): string {
  const n = context.notes.toLocaleString('en-US');
  const ratios = (key: string) => [`ratio.${key}/pgPerNote`, `ratio.${key}/pgBatched`, `ratio.${key}/kafka`].map((ratio) => (ratio in f ? times(f[ratio]!) : ''));
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const results = [
    row(['Figure', 'Result', '÷ raw PG, 1 note/tx', '÷ raw PG, batched', '÷ raw Kafka']),
    row(['---', '--:', '--:', '--:', '--:']),
    row([`**Raw PostgreSQL**: a note's rows, 1 note per transaction, ${RAW_PER_NOTE_CONNECTIONS} connections`, rate(f['raw.pg.perNote.notesPerS']!, 'notes/s'), '1', '', '']),
    row([`**Raw PostgreSQL**: the same rows, ${RAW_BATCH_NOTES.toLocaleString('en-US')} notes per transaction, ${RAW_BATCH_CONNECTIONS} connections`, rate(f['raw.pg.batched.notesPerS']!, 'notes/s'), '', '1', '']),
    row([
      `**Raw Kafka**: a note's 2 events, idempotent producer, acks -1, ${RAW_KAFKA_BATCH} messages per request, 1 in flight`,
      `${rate(f['raw.kafka.notesPerS']!, 'notes/s')} (${rate(f['raw.kafka.msgsPerS']!, 'msg/s')}, ${fixed(f['raw.kafka.mbPerS']!, 1)} MB/s)`,
      '',
      '',
      '1',
    ]),
    row([`**case-intake** SubmitSickNote, ${context.concurrency} calls in flight`, rate(f['intake.notesPerS']!, 'notes/s'), ...ratios('intake')]),
    row([
      'latency per call p50 / p90 / p99 / max (mean)',
      `${['p50', 'p90', 'p99', 'max'].map((p) => fixed(f[`intake.latency.${p}`]!, 1)).join(' / ')} ms (${fixed(f['intake.latency.mean']!, 1)})`,
      '',
      '',
      '',
    ]),
    row(['outbox published: first call → nothing pending', rate(f['intake.publishedNotesPerS']!, 'notes/s'), ...ratios('published')]),
    row(['outbox drained after the last call', `${fixed(f['intake.drainS']!, 2)} s (${Math.round(f['intake.pendingAtLastCall']!).toLocaleString('en-US')} pending then)`, '', '', '']),
    row(['**End to end**: first call → statistics counted all (triage and statistics running)', rate(f['e2e.notesPerS']!, 'notes/s'), ...ratios('e2e')]),
    row(['SubmitSickNote meanwhile', rate(f['e2e.intakeNotesPerS']!, 'notes/s'), ...ratios('e2eIntake')]),
    row(['statistics / triage done after the last call', `${fixed(f['e2e.statisticsLagS']!, 1)} s / ${fixed(f['e2e.triageLagS']!, 1)} s`, '', '', '']),
    row(['case-intake RSS at rest / at the end / peak', `${['rss.atRest', 'rss.end', 'rss.peak'].map((key) => Math.round(f[key]!)).join(' / ')} MiB`, '', '', '']),
  ];
  const cpu = [
    row(['Phase', 'Wall', 'Machine busy', ...CPU_COLUMNS]),
    row(['---', '--:', '--:', ...CPU_COLUMNS.map(() => '--:')]),
    ...(Object.keys(PHASES) as Phase[]).map((phase) =>
      row([
        PHASES[phase],
        `${fixed(f[`cpu.${phase}.wallS`]!, 1)} s`,
        percent(f[`cpu.${phase}.busy`]!),
        ...[...CPU_SOURCES, 'other'].map((source) => {
          const ms = f[`cpu.${phase}.${source}`];
          return ms === undefined ? '–' : fixed(ms, 3);
        }),
      ]),
    ),
  ];
  const perRun =
    context.runs.length > 1
      ? `\n${context.runs.length} runs; every figure is the median of the runs, each ratio the median of the per-run ratios. SubmitSickNote notes/s per run: ${context.runs.map((run) => Math.round(run['intake.notesPerS']!)).join(', ')}.\n`
      : '';
  return [
    '# case-intake intake benchmark',
    '',
    `Written by \`npm run bench:intake\` (tools/bench/intake.bench.ts) on ${context.date}; each run overwrites it.`,
    '',
    `- **Machine:** ${context.machine}`,
    `- **Versions:** ${context.versions}`,
    `- **Parameters:** ${n} notes per phase, ${context.concurrency} calls in flight, ${context.runs.length} run(s); case-intake with its defaults (DATABASE_POOL_SIZE 10, OUTBOX_BATCH_SIZE 500, OUTBOX_POLL_INTERVAL_MS 250), LOG_LEVEL=warn${context.postgresSettings.autovacuum === 'on' ? '' : '; autovacuum is off on this cluster, so while the services run the bench runs ANALYZE every 30 s, as autovacuum would keep the statistics current'}`,
    `- **Per note** case-intake writes a document row, its first document_version, the person's person_tilfeller row and two outbox rows, published as intake.sick-note.v1 (${Math.round(f['raw.kafka.sickNoteBytes']!)} B envelope) and intake.tilfelle-person.v1 (${Math.round(f['raw.kafka.tilfelleBytes']!)} B). The raw phases write and produce exactly these; every note is its person's first.`,
    perRun,
    '## Results',
    '',
    'Every ratio divides a platform figure by a raw limit measured in the same run, on the same database, broker and machine.',
    '',
    ...results,
    '',
    '## Where the CPU went',
    '',
    'CPU milliseconds per note, from /proc. PostgreSQL is the server\'s own processes and the backends connected to the bench database; "other" is busy time no listed process accounts for (other databases\' backends, other processes, interrupts). Machine busy is the share of all cores.',
    '',
    ...cpu,
    '',
    '## What it means',
    '',
    ...interpret(context, f),
    '',
    '## How to reproduce',
    '',
    '```bash',
    'npm run bench:intake                                # 100,000 notes, 64 in flight, 1 run',
    'BENCH_NOTES=20000 BENCH_RUNS=3 npm run bench:intake  # smaller, median of three runs',
    '```',
    '',
    'It needs only what `npm start` needs (PostgreSQL, Java and Maven for the broker) and installs the rest. Each run:',
    '',
    '1. recreates the database `syfo_bench`, runs every migration and creates the topics under a fresh prefix `bench-<random>.`;',
    '2. **raw PostgreSQL**: writes case-intake\'s rows for every note into copies of its tables in a scratch schema, in batches and then one note per transaction;',
    `3. **raw Kafka**: produces every note's two events to a scratch topic, ${RAW_KAFKA_BATCH} messages per request;`,
    '4. **case-intake**: starts it alone as a real process (ports +2000) and submits every note by gRPC, then waits until its outbox is drained;',
    '5. **end to end**: starts triage and statistics at the end of the topic, submits as many new notes and waits until statistics has counted them all;',
    '6. stops the services and deletes its topics and consumer groups, also when it fails or is interrupted. The database stays for inspection until the next run.',
    '',
    'It measures; it asserts nothing about speed, and no test depends on it. Service logs go to `.local/logs/bench/`. Other work on the machine shows up as "other" CPU and lowers every figure.',
    '',
  ].join('\n');
}

function interpret(context: BenchContext, f: Figures): string[] {
  const perNote = f['raw.pg.perNote.notesPerS']!;
  const batched = f['raw.pg.batched.notesPerS']!;
  const intake = f['intake.notesPerS']!;
  const cpu = (phase: Phase, source: string) => f[`cpu.${phase}.${source}`] ?? 0;
  const ms = (phase: Phase, source: string) => `${fixed(cpu(phase, source), 2)} ms`;
  // What the platform itself needs per note, without other work that happened to share the machine.
  const platformCpu = CPU_SOURCES.reduce((sum, source) => sum + cpu('intake', source), 0);
  const busy = f['cpu.intake.busy']!;
  const cores = Number(/(\d+) cores/.exec(context.machine)?.[1] ?? 1);
  const drain = f['intake.drainS']!;
  const pending = Math.round(f['intake.pendingAtLastCall']!).toLocaleString('en-US');
  return [
    `**Per-commit cost.** For the same rows, PostgreSQL takes ${rate(perNote, 'notes/s')} when each note is its own transaction and ${rate(batched, 'notes/s')} when ${RAW_BATCH_NOTES.toLocaleString('en-US')} share one, ${fixed(batched / perNote, 1)}× as many. The difference is what each transaction costs on top of its rows: six round trips (BEGIN, four INSERTs, COMMIT) and a WAL flush at every commit (fsync ${context.postgresSettings.fsync}, synchronous_commit ${context.postgresSettings.synchronousCommit}). PostgreSQL spent ${ms('pgPerNote', 'postgres')} of CPU per note one at a time and ${ms('pgBatched', 'postgres')} batched.`,
    '',
    `**case-intake.** SubmitSickNote commits each note with its events before it answers, so one note per transaction is its bound on this database. It reaches ${rate(intake, 'notes/s')}, ${percent(f['ratio.intake/pgPerNote']!)} of that bound and ${percent(f['ratio.intake/pgBatched']!)} of the batched load. Its transaction does more than the raw one: besides the same rows it reads the document back, looks for a cancellation that came first, and for the tilfelle recompute locks, reads and updates the person's tilfelle row after reading all the person's documents, about twice the round trips. PostgreSQL spent ${ms('intake', 'postgres')} of CPU per note on it, against ${ms('pgPerNote', 'postgres')} for the raw transaction.`,
    '',
    busy >= 0.85
      ? `**Where the time goes: CPU.** The machine was ${percent(busy)} busy, so neither the disk nor the network sets the pace. Per note, case-intake used ${ms('intake', 'case-intake')}, PostgreSQL ${ms('intake', 'postgres')}, the broker ${ms('intake', 'kafka')}, and the bench client ${ms('intake', 'bench')}: ${fixed(platformCpu, 1)} ms in all, which would cap ${cores} cores near ${rate((cores * 1000) / platformCpu, 'notes/s')} if nothing else ran (other work took ${ms('intake', 'other')} per note besides). case-intake's own ${ms('intake', 'case-intake')} compares with the ${ms('pgPerNote', 'bench')} the raw loop's client needed to send its rows: the rest is gRPC (HTTP/2, protobuf), Nest's pipeline, zod validation, TypeORM (query building, entity mapping, transactions), the tilfelle computation and the socket writes of the extra round trips. The ${context.concurrency} calls in flight only queue (mean latency ${fixed(f['intake.latency.mean']!, 0)} ms = ${context.concurrency} ÷ throughput).`
      : `**Where the time goes: waiting.** The machine was only ${percent(busy)} busy, so the limit is latency, not CPU: with ${context.concurrency} calls in flight the mean latency was ${fixed(f['intake.latency.mean']!, 0)} ms (${context.concurrency} ÷ throughput), mostly queueing for case-intake's 10 database connections, each held for a transaction's round trips and its commit. Per note, case-intake used ${ms('intake', 'case-intake')} of CPU and PostgreSQL ${ms('intake', 'postgres')}.`,
    '',
    `**Kafka is ${f['raw.kafka.notesPerS']! > 3 * intake ? 'not' : 'close to'} the limit.** The raw producer sends a note's two events at ${rate(f['raw.kafka.notesPerS']!, 'notes/s')}, ${fixed(f['raw.kafka.notesPerS']! / intake, 0)}× what case-intake accepts. ` +
      (drain < 2
        ? `The relay kept up: ${pending} events were pending when the last call returned, and all were published ${fixed(drain, 2)} s later.`
        : `The relay fell behind: ${pending} events were pending when the last call returned and took ${fixed(drain, 1)} s more; each of its batches is a SELECT, a send and an UPDATE of up to 500 rows, one batch at a time, on the same cores as the intake transactions.`),
    '',
    `**End to end.** With triage and statistics consuming at the same time, statistics counted ${rate(f['e2e.notesPerS']!, 'notes/s')}, ${percent(f['ratio.e2e/intake']!)} of what case-intake manages alone, and SubmitSickNote itself ran at ${rate(f['e2e.intakeNotesPerS']!, 'notes/s')}. Each consumer writes an inbox row and its update for every event, in one transaction per batch of a partition's events, on the same cores: per note, triage used ${ms('e2e', 'triage')} of CPU, statistics ${ms('e2e', 'statistics')}, case-intake ${ms('e2e', 'case-intake')} and PostgreSQL ${ms('e2e', 'postgres')} (machine ${percent(f['cpu.e2e.busy']!)} busy). Statistics was done ${fixed(f['e2e.statisticsLagS']!, 1)} s after the last call, triage ${fixed(f['e2e.triageLagS']!, 1)} s.`,
    '',
    `**Memory.** case-intake's resident set went from ${Math.round(f['rss.atRest']!)} MiB at rest to ${Math.round(f['rss.end']!)} MiB after ${(2 * context.notes).toLocaleString('en-US')} calls (peak ${Math.round(f['rss.peak']!)} MiB). RSS alone cannot tell a leak from heap and allocator memory kept because the machine has plenty; a run with a capped heap (\`--max-old-space-size\`) or a heap snapshot can.`,
    '',
    `**Reading these figures.** The bench client, PostgreSQL and the broker share ${cores} cores with the services, as on a developer machine, so the absolute figures hold for this machine only; the ratios travel better. "Other" CPU per note was ${ms('pgPerNote', 'other')} in the raw one-note phase, ${ms('intake', 'other')} in the case-intake phase and ${ms('e2e', 'other')} end to end: the larger it is next to the platform's own, the more other work on the machine (other databases' backends, other processes, interrupts) held that phase back.`,
  ];
}

function rate(value: number, unit: string): string {
  return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
}

function fixed(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Two significant digits: ratios span from hundredths to several times. */
function times(ratio: number): string {
  return `${Number(ratio.toPrecision(2))}×`;
}
