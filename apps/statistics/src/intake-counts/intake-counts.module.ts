import { Module } from '@nestjs/common';

import { IntakeCountsGrpcController } from './intake-counts.grpc.controller';
import { SickNoteCounterHandler } from './sick-note-counter.handler';

@Module({
  controllers: [IntakeCountsGrpcController],
  providers: [SickNoteCounterHandler],
})
export class IntakeCountsModule {}
