import { Module } from '@nestjs/common';

import { IntakeCountsGrpcController } from './intake-counts.grpc.controller';
import { SickNoteCounter } from './sick-note.counter';

/** The counts' API; the counting itself is done by the statistics group's sick-note handler, which imports this. */
@Module({
  controllers: [IntakeCountsGrpcController],
  providers: [SickNoteCounter],
  exports: [SickNoteCounter],
})
export class IntakeCountsModule {}
