import { PersonCase } from '../person-cases/person-case.entity';
import { FollowUp1764028800000 } from './migrations/1764028800000-follow-up.migration';
import { Initial1763856000000 } from './migrations/1763856000000-initial.migration';
import { DecisionOrder1764115200000 } from './migrations/1764115200000-decision-order.migration';

export const TRIAGE_PERSISTENCE = {
  entities: [PersonCase],
  migrations: [Initial1763856000000, FollowUp1764028800000, DecisionOrder1764115200000],
};
