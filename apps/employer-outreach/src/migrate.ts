import 'reflect-metadata';

import { MigrationConfigSchema, runMigrations } from '@syfo/platform';

import { EMPLOYER_OUTREACH_PERSISTENCE } from './database/persistence';

void runMigrations(MigrationConfigSchema, EMPLOYER_OUTREACH_PERSISTENCE);
