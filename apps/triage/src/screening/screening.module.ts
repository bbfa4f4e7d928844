import { Module } from '@nestjs/common';

import { WorkItemsModule } from '../work-items/work-items.module';
import { ScreeningService } from './screening.service';
import { Stoppunkt1Service } from './stoppunkt1.service';

@Module({
  imports: [WorkItemsModule],
  providers: [ScreeningService, Stoppunkt1Service],
  exports: [ScreeningService, Stoppunkt1Service],
})
export class ScreeningModule {}
