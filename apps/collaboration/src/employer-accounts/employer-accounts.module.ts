import { Module } from '@nestjs/common';

import { AccountRegisteredHandler } from './account-registered.handler';
import { KnownEmployersService } from './known-employers.service';

@Module({
  providers: [AccountRegisteredHandler, KnownEmployersService],
  exports: [KnownEmployersService],
})
export class EmployerAccountsModule {}
