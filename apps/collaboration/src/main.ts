import 'reflect-metadata';

import { bootstrapService } from '@syfo/platform';

import { COLLABORATION_PERSISTENCE } from './database/persistence';
import { EmployerAccountsModule } from './employer-accounts/employer-accounts.module';
import { TeamsModule } from './teams/teams.module';

void bootstrapService({ service: 'collaboration', persistence: COLLABORATION_PERSISTENCE, modules: [EmployerAccountsModule, TeamsModule] });
