import { Module } from '@nestjs/common';

import { TilfellerGrpcController } from './tilfeller.grpc.controller';
import { TilfellerService } from './tilfeller.service';

@Module({
  controllers: [TilfellerGrpcController],
  providers: [TilfellerService],
  exports: [TilfellerService],
})
export class TilfellerModule {}
