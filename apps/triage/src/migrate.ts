import 'reflect-metadata';

import { MigrationConfigSchema, runMigrations } from '@syfo/platform';

import { TRIAGE_PERSISTENCE } from './database/persistence';

void runMigrations(MigrationConfigSchema, TRIAGE_PERSISTENCE);
