import 'reflect-metadata';

import { MigrationConfigSchema, runMigrations } from '@syfo/platform';

import { CASE_INTAKE_PERSISTENCE } from './database/persistence';

void runMigrations(MigrationConfigSchema, CASE_INTAKE_PERSISTENCE);
