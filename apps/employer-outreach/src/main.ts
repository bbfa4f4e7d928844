import 'reflect-metadata';

import { bootstrapService } from '@syfo/platform';

import { AccountsModule } from './accounts/accounts.module';
import { EMPLOYER_OUTREACH_PERSISTENCE } from './database/persistence';

void bootstrapService({ service: 'employer-outreach', persistence: EMPLOYER_OUTREACH_PERSISTENCE, modules: [AccountsModule] });
