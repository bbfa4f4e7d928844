import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { CONSUMER_GROUPS, type ConsumerGroup } from '@syfo/contracts';
import type { Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

import type { BaseConfig } from '../config/service-config';
import { GrpcHealth } from '../grpc/grpc-server.options';
import { PlatformMetrics } from '../health/metrics';
import { CONSUMES_METADATA } from '../kafka/consumes.decorator';
import { EventConsumer } from '../kafka/event-consumer';
import type { EventHandler } from '../kafka/event-handler';
import { OutboxRelay } from '../outbox/outbox.relay';
import { CONFIG, KAFKA, LOGGER, PRODUCER } from './platform.tokens';

/**
 * Starts and stops the Kafka side of a service in the right order. Shutdown: report not ready, let
 * consumers finish what they hold and commit, flush the relay's batch; then Nest drains gRPC and
 * HTTP, and only after that are the producer and the database closed.
 */
@Injectable()
export class PlatformLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly consumers: EventConsumer[] = [];
  private shuttingDown = false;
  private started = false;

  public constructor(
    @Inject(CONFIG) private readonly config: BaseConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(PRODUCER) private readonly producer: Producer,
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly health: GrpcHealth,
    private readonly metrics: PlatformMetrics,
    private readonly discovery: DiscoveryService,
  ) {}

  public async onApplicationBootstrap(): Promise<void> {
    this.relay.start();
    for (const [group, handlers] of this.discoverHandlers()) {
      const consumer = new EventConsumer(this.kafka, this.producer, this.dataSource, this.logger.child({ component: 'consumer', group }), {
        group,
        topics: CONSUMER_GROUPS[group].topics,
        topicPrefix: this.config.KAFKA_TOPIC_PREFIX,
        handlers,
        maxAttempts: this.config.CONSUMER_MAX_ATTEMPTS,
        retryBaseMs: this.config.CONSUMER_RETRY_BASE_MS,
        batchSize: this.config.CONSUMER_BATCH_SIZE,
        onProcessed: () => this.metrics.eventsProcessed.inc({ group }),
        onDeadLettered: (reason) => this.metrics.eventsDeadLettered.inc({ group, reason }),
      });
      await consumer.start();
      this.consumers.push(consumer);
    }
    this.started = true;
  }

  /** Called by bootstrap once gRPC and HTTP listen too. */
  public markServing(): void {
    this.health.setServing(true);
    this.logger.info({ consumers: this.consumers.length }, 'service is serving');
  }

  public async readiness(): Promise<{ ready: boolean; checks: Record<string, boolean> }> {
    const database = await this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    const checks = {
      started: this.started && !this.shuttingDown,
      database,
      consumers: this.consumers.every((consumer) => consumer.isRunning),
    };
    return { ready: Object.values(checks).every(Boolean), checks };
  }

  public async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.shuttingDown = true;
    this.health.setServing(false);
    this.logger.info({ signal }, 'shutting down: stopping consumers and the outbox relay');
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await this.relay.stop();
  }

  public async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    this.logger.info('shut down cleanly');
  }

  private discoverHandlers(): Map<ConsumerGroup, EventHandler[]> {
    const groups = new Map<ConsumerGroup, EventHandler[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const group = wrapper.metatype ? (Reflect.getMetadata(CONSUMES_METADATA, wrapper.metatype) as ConsumerGroup | undefined) : undefined;
      if (!group || !wrapper.instance) continue;
      groups.set(group, [...(groups.get(group) ?? []), wrapper.instance as EventHandler]);
    }
    return groups;
  }
}
