import { BaseConfigSchema, createDeclaredTopics, createKafka, createLogger } from '@syfo/platform';

/**
 * Creates every topic declared in libs/contracts (dead-letter topics included) under
 * KAFKA_TOPIC_PREFIX. Existing topics are left alone, so it is safe to rerun. The Kubernetes topics
 * Job runs this same file.
 */
const config = BaseConfigSchema.pick({ KAFKA_BROKERS: true, KAFKA_CLIENT_ID: true, KAFKA_TOPIC_PREFIX: true, LOG_LEVEL: true }).parse({
  KAFKA_BROKERS: '127.0.0.1:9092',
  ...process.env,
});
const logger = createLogger('kafka-topics', config.LOG_LEVEL);

createDeclaredTopics(createKafka(config, 'kafka-topics', logger), config.KAFKA_TOPIC_PREFIX).then(
  (created) => logger.info({ prefix: config.KAFKA_TOPIC_PREFIX, created }, 'every declared topic exists'),
  (error: unknown) => {
    logger.error({ err: error instanceof Error ? error.message : String(error) }, 'creating topics failed');
    process.exitCode = 1;
  },
);
