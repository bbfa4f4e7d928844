import { SickNote } from '../sick-notes/sick-note.entity';
import { Initial1763856000000 } from './migrations/1763856000000-initial.migration';

export const CASE_INTAKE_PERSISTENCE = {
  entities: [SickNote],
  migrations: [Initial1763856000000],
};
