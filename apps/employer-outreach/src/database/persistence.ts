import { AccountTeam } from '../account-teams/account-team.entity';
import { Account } from '../accounts/account.entity';
import { Initial1763856000000 } from './migrations/1763856000000-initial.migration';
import { AccountTeam1763942400000 } from './migrations/1763942400000-account-team.migration';
import { CallTask1764300000000 } from './migrations/1764300000000-call-task.migration';

export const EMPLOYER_OUTREACH_PERSISTENCE = {
  entities: [Account, AccountTeam],
  migrations: [Initial1763856000000, AccountTeam1763942400000, CallTask1764300000000],
};
