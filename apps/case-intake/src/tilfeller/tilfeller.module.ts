import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { TilfellerGrpcController } from './tilfeller.grpc.controller';
import { TilfellerService } from './tilfeller.service';

@Module({
  imports: [AuditModule],
  controllers: [TilfellerGrpcController],
  providers: [TilfellerService],
  exports: [TilfellerService],
})
export class TilfellerModule {}
