import { createProducer } from '@syfo/platform';
import { Kafka, logLevel } from 'kafkajs';

import { commandLineOrExit, integer, SIMULATION_USAGE } from './cli-options';
import { feed, GrpcFeedTarget, KafkaFeedTarget, type FeedProgress, type FeedSummary, type FeedTarget } from './feeder';
import { simulate, type Simulation } from './simulation';

const USAGE = `Usage: node dist/tools/simulator/simulator.main.js (--region <name> | --country) [options]

Generates a synthetic population deterministically from a seed and feeds it to case-intake as
external case systems would: the employer register, arbeidsforhold, sick notes (bulk stream),
søknader, screening answers, corrections and cancellations. Never touches a database.

${SIMULATION_USAGE}
  --via grpc|kafka      case-intake's gRPC API (default) or its inbound Kafka topics
  --target <host:port>  case-intake's gRPC address (default 127.0.0.1:50051)
  --brokers <list>      Kafka brokers for --via kafka (default $KAFKA_BROKERS or 127.0.0.1:9092)
  --topic-prefix <p>    prefix of the inbound topics (default $KAFKA_TOPIC_PREFIX or none)
  --rate <n>            documents per second over all kinds; 0 = as fast as case-intake takes them (default 0)
  --dry-run             generate and count the documents, send nothing
`;

async function main(): Promise<void> {
  const options = commandLineOrExit(
    USAGE,
    {
      via: { type: 'string', default: 'grpc' },
      target: { type: 'string', default: '127.0.0.1:50051' },
      brokers: { type: 'string', default: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092' },
      'topic-prefix': { type: 'string', default: process.env['KAFKA_TOPIC_PREFIX'] ?? '' },
      rate: { type: 'string', default: '0' },
      'dry-run': { type: 'boolean', default: false },
    },
    ({ values }) => {
      if (values['via'] !== 'grpc' && values['via'] !== 'kafka') throw new RangeError('--via must be grpc or kafka');
      integer(values['rate'], '--rate', 0, 10_000_000);
    },
  );
  if (!options) return;
  const { simulation: settings, values } = options;
  const simulation = simulate(settings);
  const persons = simulation.size.employed + simulation.size.withoutEmployer;
  process.stderr.write(
    `Seed ${settings.seed}, ${settings.area}, scale ${settings.scale}, ${settings.firstYear}–${settings.lastYear}: ${persons.toLocaleString('en-US')} persons, ` +
      `${simulation.size.establishments.toLocaleString('en-US')} establishments\n`,
  );
  const progress = (state: FeedProgress) =>
    process.stderr.write(`  ${state.persons.toLocaleString('en-US')} / ${persons.toLocaleString('en-US')} persons, ${total(state).toLocaleString('en-US')} documents, ${Math.round(total(state) / (state.elapsedMs / 1000))}/s\n`);
  const rate = Number(values['rate']);
  let summary: FeedSummary;
  if (values['dry-run'] === true) {
    summary = await feed(simulation, countingTarget(), { rate: 0, onProgress: progress });
  } else if (values['via'] === 'kafka') {
    summary = await viaKafka(simulation, String(values['brokers']), String(values['topic-prefix']), rate, progress);
  } else {
    const target = new GrpcFeedTarget(String(values['target']));
    try {
      summary = await feed(simulation, target, { rate, onProgress: progress });
    } finally {
      target.close();
    }
  }
  process.stdout.write(`${describe(summary)}\n`);
  process.exitCode = summary.refused > 0 ? 1 : 0;
}

async function viaKafka(simulation: Simulation, brokers: string, topicPrefix: string, rate: number, onProgress: (progress: FeedProgress) => void): Promise<FeedSummary> {
  const kafka = new Kafka({ clientId: 'syfo-simulator', brokers: brokers.split(','), logLevel: logLevel.WARN });
  const producer = createProducer(kafka);
  await producer.connect();
  try {
    return await feed(simulation, new KafkaFeedTarget(producer, topicPrefix, `simulator-seed-${simulation.options.seed}`), { rate, onProgress });
  } finally {
    await producer.disconnect();
  }
}

/** For --dry-run: takes everything, sends nothing. */
function countingTarget(): FeedTarget {
  return { send: async () => undefined, flush: async () => undefined, refused: { count: 0, reasons: [] }, skipped: {} };
}

function total(state: FeedProgress): number {
  return Object.values(state.sent).reduce((sum, value) => sum + value, 0);
}

function describe(summary: FeedSummary): string {
  const kinds = Object.entries(summary.sent)
    .map(([kind, count]) => `${kind} ${count.toLocaleString('en-US')}`)
    .join(', ');
  const skipped = Object.entries(summary.skipped).map(([kind, count]) => `${kind} ${count} (the target lacks the rpc)`);
  return [
    `Sent ${total(summary).toLocaleString('en-US')} documents for ${summary.persons.toLocaleString('en-US')} persons in ${(summary.elapsedMs / 1000).toFixed(1)} s: ${kinds}.`,
    ...(skipped.length > 0 ? [`Skipped: ${skipped.join(', ')}.`] : []),
    `Refused: ${summary.refused}.`,
    ...summary.refusedReasons.map((reason) => `  ${reason}`),
  ].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
