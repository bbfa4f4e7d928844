import { Module } from '@nestjs/common';

import { InboundSickNoteHandler } from './inbound-sick-note.handler';
import { SickNotesGrpcController } from './sick-notes.grpc.controller';
import { SickNotesService } from './sick-notes.service';

@Module({
  controllers: [SickNotesGrpcController],
  providers: [SickNotesService, InboundSickNoteHandler],
})
export class SickNotesModule {}
