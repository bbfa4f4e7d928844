import { Module } from '@nestjs/common';

import { AccountTeamsService } from './account-teams.service';
import { TeamChangedHandler } from './team-changed.handler';

@Module({
  providers: [TeamChangedHandler, AccountTeamsService],
  exports: [AccountTeamsService],
})
export class AccountTeamsModule {}
