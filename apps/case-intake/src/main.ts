import 'reflect-metadata';

import { bootstrapService } from '@syfo/platform';

import { CASE_INTAKE_PERSISTENCE } from './database/persistence';
import { SickNotesModule } from './sick-notes/sick-notes.module';

void bootstrapService({ service: 'case-intake', persistence: CASE_INTAKE_PERSISTENCE, modules: [SickNotesModule] });
