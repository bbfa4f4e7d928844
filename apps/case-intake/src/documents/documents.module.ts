import { Module } from '@nestjs/common';

import { TilfellerModule } from '../tilfeller/tilfeller.module';
import { BulkLoadService } from './bulk-load.service';
import { DocumentsGrpcController } from './documents.grpc.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { INBOUND_DOCUMENT_HANDLERS } from './inbound-documents.handler';
import { SickNotesGrpcController } from './sick-notes.grpc.controller';

@Module({
  imports: [TilfellerModule],
  controllers: [DocumentsGrpcController, SickNotesGrpcController],
  providers: [BulkLoadService, DocumentsRepository, DocumentsService, ...INBOUND_DOCUMENT_HANDLERS],
})
export class DocumentsModule {}
