import { Module } from '@nestjs/common';

import { EmployerAccountsModule } from '../employer-accounts/employer-accounts.module';
import { TeamsGrpcController } from './teams.grpc.controller';
import { TeamsService } from './teams.service';

@Module({
  imports: [EmployerAccountsModule],
  controllers: [TeamsGrpcController],
  providers: [TeamsService],
})
export class TeamsModule {}
