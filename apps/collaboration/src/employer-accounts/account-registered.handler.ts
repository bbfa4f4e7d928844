import { Inject, Injectable } from '@nestjs/common';
import { AccountRegisteredEvent, type AccountRegistered } from '@syfo/contracts';
import { CLOCK, Consumes, type Clock, type EventHandler } from '@syfo/platform';
import type { EntityManager } from 'typeorm';

/** Keeps the local list of CRM employers that teams may be given; the latest event for an orgnr wins. */
@Injectable()
@Consumes('collaboration.crm-events')
export class AccountRegisteredHandler implements EventHandler<typeof AccountRegisteredEvent> {
  public readonly event = AccountRegisteredEvent;

  public constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  public async handle(account: AccountRegistered, _envelope: unknown, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO known_employer (orgnr, name, account_id, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (orgnr) DO UPDATE SET name = EXCLUDED.name, account_id = EXCLUDED.account_id, updated_at = EXCLUDED.updated_at`,
      [account.orgnr, account.name, account.accountId, this.clock.now()],
    );
  }
}
