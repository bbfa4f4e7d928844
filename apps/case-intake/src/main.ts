import 'reflect-metadata';

import { bootstrapService } from '@syfo/platform';

import { CaseIntakeConfigSchema } from './config/case-intake.config';
import { CASE_INTAKE_PERSISTENCE } from './database/persistence';
import { DocumentsModule } from './documents/documents.module';

void bootstrapService({ service: 'case-intake', configSchema: CaseIntakeConfigSchema, persistence: CASE_INTAKE_PERSISTENCE, modules: [DocumentsModule] });
