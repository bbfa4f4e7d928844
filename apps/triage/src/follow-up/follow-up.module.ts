import { Module } from '@nestjs/common';

import { ScreeningModule } from '../screening/screening.module';
import { WorkItemsModule } from '../work-items/work-items.module';
import { FollowUpGrpcController } from './follow-up.grpc.controller';
import { OppfolgingsplanHandler, ScreeningAnswerHandler, TilfellerChangedHandler } from './follow-up.handlers';
import { FollowUpScheduler } from './follow-up.scheduler';
import { FollowUpService } from './follow-up.service';

@Module({
  imports: [WorkItemsModule, ScreeningModule],
  controllers: [FollowUpGrpcController],
  providers: [FollowUpService, FollowUpScheduler, TilfellerChangedHandler, OppfolgingsplanHandler, ScreeningAnswerHandler],
  exports: [FollowUpService],
})
export class FollowUpModule {}
