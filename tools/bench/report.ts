import { RAW_KAFKA_BATCH } from './raw-kafka';
import { RAW_BATCH_CONNECTIONS, RAW_BATCH_NOTES, RAW_PER_NOTE_CONNECTIONS } from './raw-postgres';

/** One run's results, flat so that several runs reduce to their medians key by key. */
export type Figures = Record<string, number>;

export interface BenchContext {
  readonly date: string;
  readonly machine: string;
  readonly versions: string;
  readonly postgresSettings: { readonly fsync: string; readonly synchronousCommit: string };
  readonly notes: number;
  readonly concurrency: number;
  readonly runs: readonly Figures[];
}

/** Where CPU time is attributed, in column order. */
export const CPU_SOURCES = ['case-intake', 'triage', 'statistics', 'postgres', 'kafka', 'bench'] as const;
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
    row([`**Raw PostgreSQL**: 1 note (sick_note + outbox_message row) per transaction, ${RAW_PER_NOTE_CONNECTIONS} connections`, rate(f['raw.pg.perNote.notesPerS']!, 'notes/s'), '1', '', '']),
    row([`**Raw PostgreSQL**: ${RAW_BATCH_NOTES.toLocaleString('en-US')} notes per transaction (unnest), ${RAW_BATCH_CONNECTIONS} connections`, rate(f['raw.pg.batched.notesPerS']!, 'notes/s'), '', '1', '']),
    row([
      `**Raw Kafka**: idempotent producer, acks -1, ${RAW_KAFKA_BATCH} messages per request, 1 in flight`,
      `${rate(f['raw.kafka.msgsPerS']!, 'msg/s')} (${fixed(f['raw.kafka.mbPerS']!, 1)} MB/s, envelope ${Math.round(f['raw.kafka.envelopeBytes']!)} B)`,
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
    `- **Parameters:** ${n} notes per phase, ${context.concurrency} calls in flight, ${context.runs.length} run(s); case-intake with its defaults (DATABASE_POOL_SIZE 10, OUTBOX_BATCH_SIZE 500, OUTBOX_POLL_INTERVAL_MS 250), LOG_LEVEL=warn`,
    perRun,
    '## Results',
    '',
    'Every ratio divides a platform figure by a raw limit measured in the same run, on the same database, broker and machine.',
    '',
    ...results,
    '',
    '## Where the CPU went',
    '',
    'CPU milliseconds per note, from /proc (all processes of PostgreSQL together; "other" is busy time no listed process accounts for, such as other work on the machine). Machine busy is the share of all cores.',
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
    '2. **raw PostgreSQL**: inserts case-intake\'s rows for every note into copies of its tables in a scratch schema, one note per transaction and then in batches;',
    `3. **raw Kafka**: produces every note's envelope to a scratch topic with ${RAW_KAFKA_BATCH} messages per request;`,
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
  const cpu = (phase: Phase, source: string) => f[`cpu.${phase}.${source}`] ?? 0;
  const intakeCpu = [...CPU_SOURCES, 'other'].reduce((sum, source) => sum + cpu('intake', source), 0);
  const largest = (phase: Phase) => [...CPU_SOURCES].sort((a, b) => cpu(phase, b) - cpu(phase, a))[0]!;
  const serviceOwn = cpu('intake', 'case-intake') - cpu('pgPerNote', 'bench');
  const saturated = f['cpu.intake.busy']! >= 0.85;
  const drain = f['intake.drainS']!;
  return [
    `**Per-commit cost.** For the same two rows per note, PostgreSQL manages ${rate(perNote, 'notes/s')} when each note is its own transaction and ${rate(batched, 'notes/s')} when ${RAW_BATCH_NOTES.toLocaleString('en-US')} share one, ${fixed(batched / perNote, 1)}× as many. The difference is what every transaction costs on top of its rows: four round trips (BEGIN, two INSERTs, COMMIT) and a WAL flush per commit (fsync ${context.postgresSettings.fsync}, synchronous_commit ${context.postgresSettings.synchronousCommit}); PostgreSQL spent ${fixed(cpu('pgPerNote', 'postgres'), 3)} ms of CPU per note one by one against ${fixed(cpu('pgBatched', 'postgres'), 3)} ms batched.`,
    '',
    `**case-intake.** SubmitSickNote must commit each note with its event before it answers, so one note per transaction is its ceiling on this database. It reaches ${rate(f['intake.notesPerS']!, 'notes/s')}, ${percent(f['ratio.intake/pgPerNote']!)} of that ceiling and ${percent(f['ratio.intake/pgBatched']!)} of the batched load. Meanwhile the machine was ${percent(f['cpu.intake.busy']!)} busy; per note, case-intake used ${fixed(cpu('intake', 'case-intake'), 3)} ms of CPU, PostgreSQL ${fixed(cpu('intake', 'postgres'), 3)} ms, the broker ${fixed(cpu('intake', 'kafka'), 3)} ms and the bench client ${fixed(cpu('intake', 'bench'), 3)} ms. ` +
      (saturated
        ? `The cores were saturated, so the limit is CPU: about ${fixed(intakeCpu, 2)} ms per note in all caps this ${context.machine.includes('2 cores') ? '2-core ' : ''}machine near ${rate(f['cpu.intake.busy']! * 1000 * coresOf(context) / intakeCpu, 'notes/s')}. The largest share is ${label(largest('intake'))}'s.` +
          (largest('intake') === 'case-intake' && serviceOwn > 0
            ? ` The raw loop needed ${fixed(cpu('pgPerNote', 'bench'), 3)} ms per note for the same SQL through the same pg driver, so about ${fixed(serviceOwn, 3)} ms per note is the service's own work: gRPC (HTTP/2, protobuf), Nest's pipeline, zod validation, TypeORM's transaction and building the event.`
            : '')
        : `The cores were not saturated, so the limit is waiting rather than CPU: with ${context.concurrency} calls in flight, the mean latency of ${fixed(f['intake.latency.mean']!, 1)} ms is mostly queueing for case-intake's 10 database connections, each holding a transaction for four round trips and a commit.`),
    '',
    `**Kafka is ${f['raw.kafka.msgsPerS']! > 3 * f['intake.notesPerS']! ? 'not' : 'close to'} the limit.** The raw producer sends ${rate(f['raw.kafka.msgsPerS']!, 'envelopes/s')}, ${fixed(f['raw.kafka.msgsPerS']! / f['intake.notesPerS']!, 1)}× what case-intake accepts. ` +
      (drain < 2
        ? `The relay kept up: ${Math.round(f['intake.pendingAtLastCall']!).toLocaleString('en-US')} events were pending when the last call returned, all published ${fixed(drain, 2)} s later.`
        : `The relay fell behind: ${Math.round(f['intake.pendingAtLastCall']!).toLocaleString('en-US')} events were pending when the last call returned and took ${fixed(drain, 1)} s more; each of its batches is a SELECT, a send and an UPDATE of up to 500 rows, one batch at a time, competing with the intake transactions for the same cores.`),
    '',
    `**End to end.** With triage and statistics consuming at the same time, statistics counted ${rate(f['e2e.notesPerS']!, 'notes/s')}, ${percent(f['ratio.e2e/intake']!)} of the rate case-intake manages alone, and SubmitSickNote itself slowed to ${rate(f['e2e.intakeNotesPerS']!, 'notes/s')}. Every event costs each consumer one more transaction (its inbox row and its update), three partitions at a time, on the same cores: per note, triage used ${fixed(cpu('e2e', 'triage'), 3)} ms of CPU, statistics ${fixed(cpu('e2e', 'statistics'), 3)} ms, case-intake ${fixed(cpu('e2e', 'case-intake'), 3)} ms and PostgreSQL ${fixed(cpu('e2e', 'postgres'), 3)} ms (machine ${percent(f['cpu.e2e.busy']!)} busy). Statistics finished ${fixed(f['e2e.statisticsLagS']!, 1)} s after the last call.`,
    '',
    `**Reading these figures.** The bench client, PostgreSQL and the broker share the machine with the services, as on a developer machine, so the absolute figures are for this machine only; the ratios travel better. "Other" CPU in the intake phase was ${fixed(cpu('intake', 'other'), 3)} ms per note: when it is a large share, other work disturbed the run.`,
  ];
}

function coresOf(context: BenchContext): number {
  return Number(/(\d+) cores/.exec(context.machine)?.[1] ?? 1);
}

function label(source: string): string {
  return { postgres: 'PostgreSQL', kafka: 'the Kafka broker', bench: 'the bench client' }[source] ?? source;
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
