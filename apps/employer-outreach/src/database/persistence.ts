import { Account } from '../accounts/account.entity';
import { Initial1763856000000 } from './migrations/1763856000000-initial.migration';

export const EMPLOYER_OUTREACH_PERSISTENCE = {
  entities: [Account],
  migrations: [Initial1763856000000],
};
