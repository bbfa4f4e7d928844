import { Module } from '@nestjs/common';

import { FollowUpModule } from '../follow-up/follow-up.module';
import { ScreeningModule } from '../screening/screening.module';
import { WorkItemsModule } from '../work-items/work-items.module';
import { WorkListCommands } from './work-list.commands';
import { WorkListGrpcController } from './work-list.grpc.controller';

@Module({
  imports: [FollowUpModule, WorkItemsModule, ScreeningModule],
  controllers: [WorkListGrpcController],
  providers: [WorkListCommands],
})
export class WorkListModule {}
