import { Module } from '@nestjs/common';

import { AccountTeamsModule } from '../account-teams/account-teams.module';
import { AccountsGrpcController } from './accounts.grpc.controller';
import { AccountsService } from './accounts.service';

@Module({
  imports: [AccountTeamsModule],
  controllers: [AccountsGrpcController],
  providers: [AccountsService],
})
export class AccountsModule {}
