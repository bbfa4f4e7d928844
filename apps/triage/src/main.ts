import 'reflect-metadata';

import { bootstrapService } from '@syfo/platform';

import { TRIAGE_PERSISTENCE } from './database/persistence';
import { PersonCasesModule } from './person-cases/person-cases.module';

void bootstrapService({ service: 'triage', persistence: TRIAGE_PERSISTENCE, modules: [PersonCasesModule] });
