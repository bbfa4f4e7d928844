import { Module } from '@nestjs/common';

import { PersonCasesGrpcController } from './person-cases.grpc.controller';
import { SickNoteReceivedHandler } from './sick-note-received.handler';

@Module({
  controllers: [PersonCasesGrpcController],
  providers: [SickNoteReceivedHandler],
})
export class PersonCasesModule {}
