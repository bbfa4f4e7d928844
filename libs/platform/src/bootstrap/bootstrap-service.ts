import { randomUUID } from 'node:crypto';

import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { GRPC_APIS, type ServiceName } from '@syfo/contracts';
import type { z } from 'zod';

import { BaseConfigSchema, ConfigError, loadConfig, type BaseConfig } from '../config/service-config';
import { GrpcExceptionFilter } from '../grpc/grpc-exception.filter';
import { GrpcHealth, grpcServerOptions } from '../grpc/grpc-server.options';
import { createLogger, PinoNestLogger } from '../logging/logger';
import { PlatformLifecycle } from '../module/platform-lifecycle.service';
import { PlatformModule } from '../module/platform.module';
import type { DataSourceOptions } from '../persistence/data-source.factory';

export interface ServiceDefinition<C extends BaseConfig> {
  readonly service: ServiceName;
  /** The service's bounded-context modules. */
  readonly modules: readonly Type[];
  readonly persistence: DataSourceOptions;
  /** Only for services with configuration of their own; it must extend BaseConfigSchema. */
  readonly configSchema?: z.ZodType<C>;
}

@Module({})
class ServiceRootModule {}

/**
 * Validates configuration, then serves gRPC, HTTP and Kafka until SIGTERM, and drains on the way out.
 * A boot that fails (database or broker unreachable) exits non-zero so the orchestrator restarts it.
 */
export async function bootstrapService<C extends BaseConfig>(definition: ServiceDefinition<C>): Promise<void> {
  const config = loadConfigOrExit(definition.configSchema ?? (BaseConfigSchema as unknown as z.ZodType<C>));
  const logger = createLogger(definition.service, config.LOG_LEVEL);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason instanceof Error ? reason.message : String(reason) }, 'unhandled rejection'));
  try {
    await serve(definition, config, logger);
  } catch (error) {
    logger.fatal({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'failed to start');
    process.exit(1);
  }
}

async function serve<C extends BaseConfig>(definition: ServiceDefinition<C>, config: C, logger: Logger): Promise<void> {
  const root: DynamicModule = {
    module: ServiceRootModule,
    imports: [PlatformModule.forRoot({ service: definition.service, config, logger, ...definition.persistence }), ...definition.modules],
  };
  const app = await NestFactory.create(root, { logger: new PinoNestLogger(logger), abortOnError: false });
  const grpc = app.connectMicroservice<MicroserviceOptions>(
    grpcServerOptions({ protoRoot: config.PROTO_ROOT, api: GRPC_APIS[definition.service], port: config.GRPC_PORT, health: app.get(GrpcHealth) }),
    // Deferred, because a filter registered after initialisation is silently ignored.
    { deferInitialization: true },
  );
  grpc.useGlobalFilters(new GrpcExceptionFilter(logger));

  // Our own signal handling rather than Nest's: Nest re-raises the signal after closing, so the
  // process would end "killed by SIGTERM" instead of exiting 0 after a clean drain.
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'signal received; draining');
    setTimeout(() => {
      logger.error('graceful shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, '0.0.0.0');
  app.get(PlatformLifecycle).markServing();
  logger.info({ region: config.REGION, grpcPort: config.GRPC_PORT, httpPort: config.HTTP_PORT, instance: randomUUID() }, 'started');
}

export function loadConfigOrExit<C extends BaseConfig>(schema: z.ZodType<C>): C {
  try {
    return loadConfig(schema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nThe service refuses to start. Fix the variables above and start it again.\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
