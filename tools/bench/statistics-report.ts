import { RAW_BULK_CONNECTIONS, RAW_EVENT_CONNECTIONS, RAW_KAFKA_BATCH, RAW_ROWS_PER_EVENT, RAW_ROWS_PER_STATEMENT } from './statistics-raw';

export const STATISTICS_PHASES = {
  load: 'Load: generate the country and bulk-insert every person’s facts',
  recompute: 'Full recomputation (RecomputeAll)',
  refresh: 'Mask and publish every quarter (RefreshFigures)',
  rawRows: 'Raw PostgreSQL: the aggregate rows, bulk insert',
  rawPersons: 'Raw PostgreSQL: a sample of persons’ contributions rewritten',
  http: 'Employer statistics over HTTP',
  rawKafka: 'Raw Kafka: produce and consume the stream',
  rawEvents: 'Raw PostgreSQL: one event per transaction',
  incremental: 'Incremental: the stream through the real consumer',
  verify: 'Full recomputation again (incremental = full?)',
} as const;
export type StatisticsPhase = keyof typeof STATISTICS_PHASES;

export interface StatisticsBenchContext {
  readonly date: string;
  readonly machine: string;
  readonly versions: string;
  readonly window: string;
  readonly options: { readonly scale: number; readonly events: number; readonly queries: number; readonly concurrency: number };
}

type PhaseUsage = { wallS: number; busy: number; ms: Record<string, number> };
const CPU_SOURCES = ['statistics', 'postgres', 'kafka', 'bench', 'other'] as const;

/** The results as Markdown, with what they mean and how to get them again. */
export function renderStatisticsReport(context: StatisticsBenchContext, f: Record<string, number>, phases: Partial<Record<StatisticsPhase, PhaseUsage>>): string {
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const national = context.options.scale === 1;
  const results = [
    row(['Figure', 'Result', 'Raw limit in the same run', 'Ratio']),
    row(['---', '--:', '--:', '--:']),
    row([
      '**Full recomputation**, wall time: read every person, compute, write their contributions, replace the rows',
      seconds(f['recompute.totalMs']!),
      '',
      '',
    ]),
    row(['… reading the persons’ facts and the register', seconds(f['recompute.readMs']!), '', '']),
    row(['… pure computation (dagsverk per person, sums per row)', `${seconds(f['recompute.computeMs']!)} (${rate((f['recompute.persons']! / f['recompute.computeMs']!) * 1000, 'persons/s')})`, '', '']),
    row([`… waiting for ${count(f['recompute.personsChanged']!)} persons’ new contributions and units to be written (it overlaps the computation)`, seconds(f['recompute.personsWriteMs']!), '', '']),
    row([
      '… persons read, computed and written back, per second',
      rate(f['recompute.personsPerS']!, 'persons/s'),
      `${rate(f['raw.pg.personUpdatesPerS']!, 'persons/s')}: the recomputation’s UPDATE of the contributions alone, nothing else, on a copy of ${count(f['raw.pg.personSample']!)} persons`,
      times(f['recompute.personsPerS']! / f['raw.pg.personUpdatesPerS']!),
    ]),
    row([
      `… writing the ${count(f['recompute.rows']!)} aggregate rows`,
      `${seconds(f['recompute.rowsWriteMs']!)} (${rate(f['recompute.rowsPerS']!, 'rows/s')})`,
      `${rate(f['raw.pg.rowsPerS']!, 'rows/s')}: bulk insert, ${count(RAW_ROWS_PER_STATEMENT)} per statement, ${RAW_BULK_CONNECTIONS} connections`,
      times(f['recompute.rowsPerS']! / f['raw.pg.rowsPerS']!),
    ]),
    row(['Mask and publish every quarter (difference disclosure checked across all levels)', `${seconds(f['refresh.ms']!)} for ${f['refresh.quarters']} quarters`, '', '']),
    row([
      `**Incremental**: ${count(f['events']!)} events through the service's Kafka consumer, up to CONSUMER_BATCH_SIZE consecutive events of a partition per transaction`,
      rate(f['incremental.eventsPerS']!, 'events/s'),
      `${rate(f['raw.pg.eventsPerS']!, 'events/s')}: PostgreSQL, one event per transaction (inbox row, person's facts, ${RAW_ROWS_PER_EVENT} row upserts), ${RAW_EVENT_CONNECTIONS} connections`,
      times(f['incremental.eventsPerS']! / f['raw.pg.eventsPerS']!),
    ]),
    row([
      '',
      '',
      `${rate(f['raw.kafka.producePerS']!, 'msg/s')} produced (idempotent, acks -1, ${RAW_KAFKA_BATCH} per request), ${rate(f['raw.kafka.consumePerS']!, 'msg/s')} consumed; ${Math.round(f['events.bytes']!)} B per envelope`,
      times(f['incremental.eventsPerS']! / f['raw.kafka.consumePerS']!),
    ]),
    row([
      `**Employer statistics** (GET /employer/v1/virksomheter/:orgnr/statistics), ${context.options.concurrency} in flight: p50 / p90 / p99 / max`,
      `${['p50', 'p90', 'p99', 'max'].map((p) => fixed(f[`http.${p}`]!, 1)).join(' / ')} ms (${rate(f['http.perS']!, 'queries/s')})`,
      `GET /health/live p99 ${fixed(f['health.p99']!, 1)} ms; one raw figure query (a unit's 4 quarters) p99 ${fixed(f['rawQuery.p99']!, 1)} ms`,
      '',
    ]),
    row([
      'Incremental = full: rows and persons that differed after the stream',
      'verify.rowsChanged' in f
        ? `${count(f['verify.rowsChanged']!)} rows, ${count(f['verify.personsChanged']!)} persons (recomputation ${seconds(f['verify.totalMs']!)})`
        : 'not run (BENCH_VERIFY=1 runs it; off by default above a quarter of the country)',
      '',
      '',
    ]),
  ];
  const cpu = [
    row(['Phase', 'Wall', 'Machine busy', 'statistics', 'PostgreSQL', 'Kafka broker', 'bench', 'other']),
    row(['---', '--:', '--:', '--:', '--:', '--:', '--:', '--:']),
    ...(Object.keys(STATISTICS_PHASES) as StatisticsPhase[])
      .filter((phase) => phases[phase])
      .map((phase) => {
        const usage = phases[phase]!;
        return row([STATISTICS_PHASES[phase], `${fixed(usage.wallS, 1)} s`, `${Math.round(usage.busy * 100)}%`, ...CPU_SOURCES.map((source) => `${fixed((usage.ms[source] ?? 0) / 1000, 1)} s`)]);
      }),
  ];
  return [
    '# Quarterly statistics benchmark',
    '',
    `Written by \`npm run bench:statistics\` (tools/bench/statistics.bench.ts) on ${context.date}; each run overwrites it.`,
    '',
    `- **Machine:** ${context.machine}`,
    `- **Versions:** ${context.versions}`,
    `- **Data set** (tools/bench/statistics-dataset.ts, deterministic): ${national ? 'the national scale' : `**scaled down to ${context.options.scale} of the national scale** (BENCH_SCALE)`}: ${count(f['units']!)} underenheter under ${count(f['hovedenheter']!)} hovedenheter, ${count(f['persons']!)} persons with ${count(f['arbeidsforhold']!)} arbeidsforhold (every 14th person holds a second job), ${count(f['sickNotes']!)} sick notes of 14 days or less over a year of sick leave (${context.window}; most tilfeller short, a long tail up to 250 days, a fifth graded). Unit sizes have a heavy tail, so many units have fewer than five persons.`,
    `- **Service:** statistics as a real process, STATISTICS_WINDOW=${context.window}, defaults otherwise (DATABASE_POOL_SIZE 10, 3 partitions consumed concurrently), LOG_LEVEL=warn. Its follow-up figures consume the same topics in their own group meanwhile.`,
    `- **Parameters:** ${count(context.options.events)} incremental events, ${count(context.options.queries)} HTTP queries with ${context.options.concurrency} in flight.`,
    '',
    '## Results',
    '',
    ...results,
    '',
    '## Where the CPU went',
    '',
    'CPU seconds per phase, from /proc; PostgreSQL counts its server processes and the backends of the bench database. "other" is busy time no listed process accounts for.',
    '',
    ...cpu,
    '',
    '## What it measures',
    '',
    '- **Full recomputation** is the service’s own `StatisticsAdminService.RecomputeAll`, the path that also runs when the window moves on 1 January: under the lock that holds events back, it reads every person’s facts from PostgreSQL, computes each person’s dagsverk per quarter and underenhet (dagsverk.calculator.ts), sums them into the rows of every level with distinct persons (AggregateAccumulator), writes every person’s contributions back (they are what the next event subtracts) and replaces the rows. The persons’ facts are written straight into its table by the bench instead of travelling through Kafka; everything after that is the service.',
    '- **Incremental** events are produced straight to the four intake topics, as case-intake’s outbox relay would publish them: for each of the first persons a changed stillingsprosent (mulige in every quarter change), a new sick note, its correction a week longer and the tilfelle list after it; every hundredth event a small unit moves kommune (its persons are reclassified). Each is one transaction: the inbox row, the person locked and recomputed from all their facts, the rows’ deltas upserted in key order, the quarter marked for masking. Events/s counts from the first message produced until the inbox holds them all.',
    '- **Incremental = full**: after the stream, a second full recomputation reports how many rows and persons it had to change. Anything but 0 would be a bug. It takes minutes at the national scale, so it runs there only with BENCH_VERIFY=1.',
    '- **Employer statistics** are served from the masked snapshot: the unit’s register entry, the latest quarter, its own and six comparison series over five quarters (computed and published), rolling figures and trends. Units are spread over the whole register, so most are small and masked; the work per query does not depend on that.',
    '',
    '## How to reproduce',
    '',
    '```bash',
    'npm run bench:statistics                                   # the national set, 20,000 events',
    'BENCH_VERIFY=1 npm run bench:statistics                    # and a second recomputation to check incremental = full',
    'BENCH_SCALE=0.1 BENCH_EVENTS=5000 npm run bench:statistics  # a tenth of the country, a smaller stream (verifies)',
    '```',
    '',
    'Each run recreates the database `syfo_bench_statistics`, creates topics under a fresh prefix `bench-stats-<random>.`, starts statistics alone (ports +5000), and deletes its topics and consumer groups at the end, also on failure. The database stays for inspection until the next run. It measures; it asserts nothing about speed, and no test depends on it.',
    '',
  ].join('\n');
}

function seconds(ms: number): string {
  return `${fixed(ms / 1000, 1)} s`;
}

function rate(value: number, unit: string): string {
  return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
}

function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function fixed(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function times(ratio: number): string {
  return `${Number(ratio.toPrecision(2))}×`;
}
