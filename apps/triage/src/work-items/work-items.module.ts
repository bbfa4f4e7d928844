import { Module } from '@nestjs/common';

import { WorkItemService } from './work-item.service';
import { WorkListQuery } from './work-list.query';

@Module({
  providers: [WorkItemService, WorkListQuery],
  exports: [WorkItemService, WorkListQuery],
})
export class WorkItemsModule {}
