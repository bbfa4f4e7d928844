import 'reflect-metadata';

import { bootstrapService } from '@syfo/platform';

import { TriageConfigSchema } from './config/triage.config';
import { TRIAGE_PERSISTENCE } from './database/persistence';
import { FollowUpModule } from './follow-up/follow-up.module';
import { PersonCasesModule } from './person-cases/person-cases.module';
import { WorkListModule } from './work-list/work-list.module';

void bootstrapService({ service: 'triage', configSchema: TriageConfigSchema, persistence: TRIAGE_PERSISTENCE, modules: [PersonCasesModule, FollowUpModule, WorkListModule] });
