import type { z } from 'zod';

import { MigrationConfigSchema, type BaseConfig } from '../config/service-config';
import { createDataSource, type DataSourceOptions } from '../persistence/data-source.factory';
import { loadConfigOrExit } from './bootstrap-service';

/**
 * The separate migration step (a Kubernetes Job, or `tools/scripts/db.sh migrate`): services never
 * change their schema at boot. `revert` undoes the newest migration.
 */
export async function runMigrations(schema: typeof MigrationConfigSchema, options: DataSourceOptions, command = process.argv[2] ?? 'run'): Promise<void> {
  const config = loadConfigOrExit(schema as unknown as z.ZodType<BaseConfig>);
  const dataSource = await createDataSource({ ...config, DATABASE_POOL_SIZE: 1 }, options).initialize();
  try {
    if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'all' });
    } else {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      process.stdout.write(`${config.DATABASE_SCHEMA}: ${applied.length} migration(s) applied\n`);
    }
  } finally {
    await dataSource.destroy();
  }
}
