import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { GRPC_APIS, type ServiceName } from '@syfo/contracts';
import type { Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

import { AuditService } from '../audit/audit.service';
import { CLOCK, SimulatedClock, systemClock, type Clock } from '../clock/clock';
import { SimulatedClockController } from '../clock/clock.controller';
import type { BaseConfig } from '../config/service-config';
import { GrpcHealth, grpcServiceNames } from '../grpc/grpc-server.options';
import { HealthController } from '../health/health.controller';
import { PlatformMetrics } from '../health/metrics';
import { createKafka, createProducer } from '../kafka/kafka.factory';
import { createDataSource, type DataSourceOptions } from '../persistence/data-source.factory';
import { OutboxRelay } from '../outbox/outbox.relay';
import { OutboxService } from '../outbox/outbox.service';
import { PlatformLifecycle } from './platform-lifecycle.service';
import { CONFIG, KAFKA, LOGGER, PRODUCER, SERVICE_NAME } from './platform.tokens';

export interface PlatformModuleOptions extends DataSourceOptions {
  readonly service: ServiceName;
  readonly config: BaseConfig;
  readonly logger: Logger;
  readonly clock?: Clock;
}

/** Everything a service needs to talk to PostgreSQL, Kafka and its operators, wired once. */
@Global()
@Module({})
export class PlatformModule {
  public static forRoot(options: PlatformModuleOptions): DynamicModule {
    const { config, logger, service } = options;
    const simulated = config.CLOCK_MODE === 'simulated';
    const clock = options.clock ?? (simulated ? new SimulatedClock(config.CLOCK_START ? new Date(config.CLOCK_START) : new Date()) : systemClock);
    return {
      module: PlatformModule,
      imports: [DiscoveryModule],
      controllers: simulated ? [HealthController, SimulatedClockController] : [HealthController],
      providers: [
        { provide: SERVICE_NAME, useValue: service },
        { provide: CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: CLOCK, useValue: clock },
        {
          provide: DataSource,
          useFactory: async () => createDataSource(config, options).initialize(),
        },
        { provide: KAFKA, useFactory: () => createKafka(config, service, logger) },
        {
          provide: PRODUCER,
          inject: [KAFKA],
          useFactory: async (kafka: Kafka) => {
            const producer = createProducer(kafka);
            await producer.connect();
            return producer;
          },
        },
        {
          provide: OutboxRelay,
          inject: [DataSource, PRODUCER],
          useFactory: (dataSource: DataSource, producer: Producer) =>
            new OutboxRelay(dataSource, producer, logger.child({ component: 'outbox-relay' }), {
              pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
              batchSize: config.OUTBOX_BATCH_SIZE,
              lockName: `${config.DATABASE_SCHEMA}.outbox-relay`,
              topicPrefix: config.KAFKA_TOPIC_PREFIX,
            }),
        },
        {
          provide: OutboxService,
          inject: [DataSource, CLOCK, OutboxRelay],
          useFactory: (dataSource: DataSource, clock: Clock, relay: OutboxRelay) => {
            const outbox = new OutboxService(dataSource, clock, config.REGION);
            outbox.onCommitted(() => relay.nudge());
            return outbox;
          },
        },
        { provide: GrpcHealth, useFactory: () => new GrpcHealth(grpcServiceNames(config.PROTO_ROOT, GRPC_APIS[service])) },
        {
          provide: PlatformMetrics,
          inject: [OutboxRelay],
          useFactory: (relay: OutboxRelay) => new PlatformMetrics(service, () => relay.pendingCount()),
        },
        PlatformLifecycle,
        AuditService,
      ],
      exports: [AuditService, CONFIG, LOGGER, CLOCK, DataSource, KAFKA, PRODUCER, OutboxService, GrpcHealth, PlatformMetrics, PlatformLifecycle],
    };
  }
}
