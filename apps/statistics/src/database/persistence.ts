import { Initial1763856000000 } from './migrations/1763856000000-initial.migration';
import { QuarterlyStatistics1764100000000 } from './migrations/1764100000000-quarterly-statistics.migration';
import { FollowUpFigures1764200000000 } from './migrations/1764200000000-follow-up-figures.migration';
import { DirtyQuarterMarks1764300000000 } from './migrations/1764300000000-dirty-quarter-marks.migration';

export const STATISTICS_PERSISTENCE = {
  entities: [],
  migrations: [Initial1763856000000, QuarterlyStatistics1764100000000, FollowUpFigures1764200000000, DirtyQuarterMarks1764300000000],
};
