import { types } from 'pg';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';

import type { BaseConfig } from '../config/service-config';
import { InboxEntry } from '../inbox/inbox-entry.entity';
import { OutboxMessage } from '../outbox/outbox-message.entity';

export interface DataSourceOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function | string>;
}

/**
 * One DataSource per service, confined to the service's own schema through search_path. Schema
 * changes happen only through migrations run as a separate step (`migrate.ts`), never at boot.
 */
export function createDataSource(config: Pick<BaseConfig, 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'DATABASE_POOL_SIZE'>, options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    entities: [OutboxMessage, InboxEntry, ...toArray(options.entities)],
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize: config.DATABASE_POOL_SIZE,
    extra: { options: `-c search_path=${config.DATABASE_SCHEMA}`, application_name: config.DATABASE_SCHEMA },
  });
}

// A PostgreSQL `date` is a calendar day with no time zone; node-pg would turn it into a Date at local
// midnight. Raw queries get the 'YYYY-MM-DD' string the domain uses, as TypeORM entities already do.
const PG_DATE_OID = 1082;
types.setTypeParser(PG_DATE_OID, (value: string) => value);

function toArray<T>(list: MixedList<T>): T[] {
  return Array.isArray(list) ? list : Object.values(list as Record<string, T>);
}
