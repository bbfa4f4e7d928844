import { Module } from '@nestjs/common';

import { CallTasksGrpcController } from './call-tasks.grpc.controller';
import { Stoppunkt1DemandHandler } from './stoppunkt1-demand.handler';

@Module({
  controllers: [CallTasksGrpcController],
  providers: [Stoppunkt1DemandHandler],
})
export class CallTasksModule {}
