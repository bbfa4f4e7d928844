import { Initial1763856000000 } from './migrations/1763856000000-initial.migration';

export const STATISTICS_PERSISTENCE = {
  entities: [],
  migrations: [Initial1763856000000],
};
