import { KnownEmployer } from '../employer-accounts/known-employer.entity';
import { TeamEmployer } from '../teams/team-employer.entity';
import { Team } from '../teams/team.entity';
import { Initial1763856000000 } from './migrations/1763856000000-initial.migration';

export const COLLABORATION_PERSISTENCE = {
  entities: [KnownEmployer, Team, TeamEmployer],
  migrations: [Initial1763856000000],
};
