import 'reflect-metadata';

import { bootstrapService } from '@syfo/platform';

import { STATISTICS_PERSISTENCE } from './database/persistence';
import { FollowUpFiguresModule } from './follow-up-figures/follow-up-figures.module';
import { IntakeCountsModule } from './intake-counts/intake-counts.module';
import { QuarterlyStatisticsModule } from './quarterly-statistics/quarterly-statistics.module';
import { StatisticsConfigSchema } from './quarterly-statistics/statistics.config';

void bootstrapService({
  service: 'statistics',
  configSchema: StatisticsConfigSchema,
  persistence: STATISTICS_PERSISTENCE,
  modules: [IntakeCountsModule, FollowUpFiguresModule, QuarterlyStatisticsModule],
});
