import { Module } from '@nestjs/common';

import { IntakeCountsModule } from '../intake-counts/intake-counts.module';
import { EmployerStatisticsHttpController } from './employer-statistics.http.controller';
import { PublishedAggregatesImporter } from './published-aggregates.importer';
import { ArbeidsforholdStatisticsHandler, SickNoteStatisticsHandler, TilfellerStatisticsHandler, VirksomhetStatisticsHandler } from './quarterly-statistics.handlers';
import { SicknessStatisticsGrpcController } from './sickness-statistics.grpc.controller';
import { StatisticsExportService } from './statistics-export.service';
import { StatisticsFiguresRefresher } from './statistics-figures.refresher';
import { StatisticsLedgerService } from './statistics-ledger.service';
import { StatisticsQueryService } from './statistics-query.service';
import { StatisticsRepository } from './statistics.repository';

/** The quarterly sick-leave statistics (handbook §9.1): kept from case-intake's events, served masked. */
@Module({
  imports: [IntakeCountsModule],
  controllers: [SicknessStatisticsGrpcController, EmployerStatisticsHttpController],
  providers: [
    StatisticsRepository,
    StatisticsLedgerService,
    StatisticsFiguresRefresher,
    StatisticsQueryService,
    StatisticsExportService,
    PublishedAggregatesImporter,
    ArbeidsforholdStatisticsHandler,
    SickNoteStatisticsHandler,
    TilfellerStatisticsHandler,
    VirksomhetStatisticsHandler,
  ],
})
export class QuarterlyStatisticsModule {}
