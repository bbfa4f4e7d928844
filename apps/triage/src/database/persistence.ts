import { PersonCase } from '../person-cases/person-case.entity';
import { Initial1763856000000 } from './migrations/1763856000000-initial.migration';

export const TRIAGE_PERSISTENCE = {
  entities: [PersonCase],
  migrations: [Initial1763856000000],
};
