import { Kafka, logLevel, type LogEntry, type Producer } from 'kafkajs';
import type { Logger } from 'pino';

import type { BaseConfig } from '../config/service-config';

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

export function createKafka(config: Pick<BaseConfig, 'KAFKA_BROKERS' | 'KAFKA_CLIENT_ID'>, clientId: string, logger: Logger): Kafka {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: config.KAFKA_CLIENT_ID ?? clientId,
    brokers: config.KAFKA_BROKERS,
    connectionTimeout: 5_000,
    retry: { initialRetryTime: 200, retries: 10 },
    logLevel: logLevel.WARN,
    // Only kafkajs's own message and its technical fields are logged: never message contents.
    logCreator: () => (entry: LogEntry) => {
      const { message, ...rest } = entry.log;
      kafkaLogger[LEVELS[entry.level] ?? 'info']({ namespace: entry.namespace, ...pickTechnical(rest) }, message);
    },
  });
}

export function createProducer(kafka: Kafka): Producer {
  // Idempotent with one request in flight: retries neither duplicate nor reorder messages of a key.
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
}

function pickTechnical(fields: Record<string, unknown>): Record<string, unknown> {
  const allowed = ['broker', 'clientId', 'groupId', 'memberId', 'topic', 'partition', 'offset', 'error', 'retryCount', 'retryTime', 'stack'];
  return Object.fromEntries(Object.entries(fields).filter(([key]) => allowed.includes(key)));
}
