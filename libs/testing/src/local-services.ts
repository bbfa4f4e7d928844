import { join } from 'node:path';

import type { ServiceName } from '@syfo/contracts';

export const REPO_ROOT = join(__dirname, '..', '..', '..', ...(__dirname.includes(`${join('dist', 'libs')}`) ? ['..'] : []));

export interface LocalService {
  readonly name: ServiceName;
  readonly schema: string;
  readonly grpcPort: number;
  readonly httpPort: number;
}

/** Where each service listens on a developer machine and in the tests. Schema = database role. */
export const LOCAL_SERVICES: readonly LocalService[] = [
  { name: 'case-intake', schema: 'case_intake', grpcPort: 50051, httpPort: 8081 },
  { name: 'triage', schema: 'triage', grpcPort: 50052, httpPort: 8082 },
  { name: 'statistics', schema: 'statistics', grpcPort: 50053, httpPort: 8083 },
  { name: 'employer-outreach', schema: 'employer_outreach', grpcPort: 50054, httpPort: 8084 },
  { name: 'collaboration', schema: 'collaboration', grpcPort: 50055, httpPort: 8085 },
];

export function localService(name: ServiceName): LocalService {
  const service = LOCAL_SERVICES.find((candidate) => candidate.name === name);
  if (!service) throw new Error(`unknown service ${name}`);
  return service;
}

export interface LocalEnvironment {
  readonly database: string;
  readonly pgHost: string;
  readonly pgPort: number;
  readonly kafkaBrokers: string;
  readonly region: string;
  /** Shifts every port, so a test run can live beside a running demo. */
  readonly portOffset: number;
  readonly topicPrefix: string;
}

export const DEFAULT_ENVIRONMENT: LocalEnvironment = {
  database: process.env['SYFO_DATABASE'] ?? 'syfo',
  pgHost: process.env['PGHOST'] ?? '127.0.0.1',
  pgPort: Number(process.env['PGPORT'] ?? 5432),
  kafkaBrokers: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
  region: process.env['SYFO_REGION'] ?? 'vest-viken',
  portOffset: Number(process.env['SYFO_PORT_OFFSET'] ?? 0),
  topicPrefix: process.env['KAFKA_TOPIC_PREFIX'] ?? '',
};

/**
 * Each test suite's port offset. They put every service's gRPC port (50051 + offset) above Linux's ephemeral port
 * range (32768–60999), where any process's outgoing connection may already hold it, and its HTTP port
 * (8081 + offset) below that range; one offset per suite, so suites can run side by side.
 */
export const TEST_PORT_OFFSETS = {
  e2e: 11_000,
  caseIntake: 12_000,
  statistics: 12_500,
  triageYear: 13_000,
  triageWorkList: 13_500,
  triageSunnfjord: 13_600,
  statisticsFollowUp: 14_000,
  employerOutreach: 14_500,
} as const;

export function grpcAddress(service: LocalService, env: LocalEnvironment): string {
  return `127.0.0.1:${service.grpcPort + env.portOffset}`;
}

export function httpBase(service: LocalService, env: LocalEnvironment): string {
  return `http://127.0.0.1:${service.httpPort + env.portOffset}`;
}

/** The environment a service process gets: the same variables a Kubernetes Deployment sets. */
export function serviceEnv(service: LocalService, env: LocalEnvironment, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    REGION: env.region,
    DATABASE_URL: `postgres://${service.schema}@${env.pgHost}:${env.pgPort}/${env.database}`,
    DATABASE_SCHEMA: service.schema,
    KAFKA_BROKERS: env.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: env.topicPrefix,
    GRPC_PORT: String(service.grpcPort + env.portOffset),
    HTTP_PORT: String(service.httpPort + env.portOffset),
    PROTO_ROOT: join(REPO_ROOT, 'proto'),
    LOG_LEVEL: 'info',
    // triage routes persons here until told otherwise; the other services ignore it.
    DEFAULT_ENHET: '0600',
    ...overrides,
  };
}
