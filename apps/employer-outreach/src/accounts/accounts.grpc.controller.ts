import type { Metadata } from '@grpc/grpc-js';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { AccountRegisteredEvent, OrgnrSchema, type outreachV1 } from '@syfo/contracts';
import { correlationIdOf, OutboxService, parseRequest } from '@syfo/platform';
import { z } from 'zod';

import { AccountTeamsService } from '../account-teams/account-teams.service';
import { toAccountMessage } from './account.mapper';
import { AccountsService } from './accounts.service';

// The request carries exactly what the event will, bar the id we assign: one set of rules for both.
const RegisterAccountSchema = AccountRegisteredEvent.payload.omit({ accountId: true });
const GetAccountSchema = z.strictObject({ orgnr: OrgnrSchema });

@Controller()
export class AccountsGrpcController implements outreachV1.AccountService {
  public constructor(
    private readonly accounts: AccountsService,
    private readonly accountTeams: AccountTeamsService,
    private readonly outbox: OutboxService,
  ) {}

  @GrpcMethod('AccountService', 'RegisterAccount')
  public async RegisterAccount(request: outreachV1.RegisterAccountRequest, metadata?: Metadata): Promise<outreachV1.RegisterAccountResponse> {
    const registration = parseRequest(RegisterAccountSchema, request);
    return this.outbox.transaction(correlationIdOf(metadata), async (tx) => {
      const account = await this.accounts.register(tx, registration);
      return { account: toAccountMessage(account, await this.accountTeams.teamsOf(account.orgnr, tx.manager)) };
    });
  }

  @GrpcMethod('AccountService', 'GetAccount')
  public async GetAccount(request: outreachV1.GetAccountRequest): Promise<outreachV1.GetAccountResponse> {
    const { orgnr } = parseRequest(GetAccountSchema, request);
    const account = await this.accounts.get(orgnr);
    return { account: toAccountMessage(account, await this.accountTeams.teamsOf(orgnr)) };
  }
}
