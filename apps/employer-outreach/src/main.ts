import 'reflect-metadata';

import { bootstrapService } from '@syfo/platform';

import { AccountTeamsModule } from './account-teams/account-teams.module';
import { AccountsModule } from './accounts/accounts.module';
import { CallTasksModule } from './call-tasks/call-tasks.module';
import { EMPLOYER_OUTREACH_PERSISTENCE } from './database/persistence';

void bootstrapService({ service: 'employer-outreach', persistence: EMPLOYER_OUTREACH_PERSISTENCE, modules: [AccountTeamsModule, AccountsModule, CallTasksModule] });
