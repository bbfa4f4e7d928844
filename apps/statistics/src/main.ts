import 'reflect-metadata';

import { bootstrapService } from '@syfo/platform';

import { STATISTICS_PERSISTENCE } from './database/persistence';
import { FollowUpFiguresModule } from './follow-up-figures/follow-up-figures.module';
import { IntakeCountsModule } from './intake-counts/intake-counts.module';

void bootstrapService({ service: 'statistics', persistence: STATISTICS_PERSISTENCE, modules: [IntakeCountsModule, FollowUpFiguresModule] });
