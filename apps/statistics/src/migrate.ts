import 'reflect-metadata';

import { MigrationConfigSchema, runMigrations } from '@syfo/platform';

import { STATISTICS_PERSISTENCE } from './database/persistence';

void runMigrations(MigrationConfigSchema, STATISTICS_PERSISTENCE);
