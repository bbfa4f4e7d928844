import 'reflect-metadata';

import { MigrationConfigSchema, runMigrations } from '@syfo/platform';

import { COLLABORATION_PERSISTENCE } from './database/persistence';

void runMigrations(MigrationConfigSchema, COLLABORATION_PERSISTENCE);
