import { RegionSchema } from '@syfo/contracts';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

/** Configuration every service shares. Services extend it with their own keys. */
export const BaseConfigSchema = z.object({
  REGION: RegionSchema,
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case SQL identifier'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .transform((value) => value.split(',').map((broker) => broker.trim()))
    .pipe(z.array(z.string().regex(/^[\w.-]+:\d+$/, 'each broker must be host:port')).min(1)),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  /** A namespace for topics and consumer groups, so several deployments or test runs share a broker. */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^([a-z0-9-]+\.)?$/, 'must be empty or a lower-case name ending in a dot').default(''),
  GRPC_PORT: port,
  HTTP_PORT: port,
  PROTO_ROOT: z.string().min(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(500),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  CONSUMER_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(200),
  /** Consecutive events of a partition applied in one transaction (one commit per batch); 1 for one per event. */
  CONSUMER_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(100),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
  /** `simulated`: time stands still until PUT /admin/clock moves it (replays and tests only). */
  CLOCK_MODE: z.enum(['system', 'simulated']).default('system'),
  /** Where a simulated clock starts. */
  CLOCK_START: z.iso.datetime({ offset: true }).optional(),
});
export type BaseConfig = z.infer<typeof BaseConfigSchema>;

/** What the separate migration step needs: the database and nothing else. */
export const MigrationConfigSchema = BaseConfigSchema.pick({ DATABASE_URL: true, DATABASE_SCHEMA: true, DATABASE_POOL_SIZE: true });

export class ConfigError extends Error {
  public constructor(public readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once at boot; every problem is listed by variable name, never by value. */
export function loadConfig<S extends z.ZodType<BaseConfig>>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`));
  }
  return result.data;
}
