import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { AccountRegisteredEvent, type AccountRegistered } from '@syfo/contracts';
import { CLOCK, DomainError, DomainErrorCode, type Clock, type OutboxTransaction } from '@syfo/platform';
import { DataSource } from 'typeorm';

import { Account } from './account.entity';

export type AccountRegistration = Omit<AccountRegistered, 'accountId'>;

@Injectable()
export class AccountsService {
  public constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Registers an employer and queues its event in the caller's transaction. The unique orgnr decides
   * concurrent duplicates in the database; a retry with the same details gets the stored account back.
   */
  public async register(tx: OutboxTransaction, registration: AccountRegistration): Promise<Account> {
    const account = tx.manager.create(Account, { id: randomUUID(), ...registration, createdAt: this.clock.now() });
    const inserted: { id: string }[] = await tx.manager.query(
      `INSERT INTO account (id, orgnr, name, kommunenummer, nace_code, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (orgnr) DO NOTHING RETURNING id`,
      [account.id, account.orgnr, account.name, account.kommunenummer, account.naceCode, account.createdAt],
    );
    if (inserted.length === 0) return this.existing(tx, registration);

    await tx.publish(AccountRegisteredEvent, { accountId: account.id, ...registration });
    return account;
  }

  public async get(orgnr: string): Promise<Account> {
    const account = await this.dataSource.getRepository(Account).findOneBy({ orgnr });
    if (!account) throw new DomainError(DomainErrorCode.NotFound, 'no account with that orgnr');
    return account;
  }

  private async existing(tx: OutboxTransaction, registration: AccountRegistration): Promise<Account> {
    const existing = await tx.manager.getRepository(Account).findOneByOrFail({ orgnr: registration.orgnr });
    const sameDetails =
      existing.name === registration.name && existing.kommunenummer === registration.kommunenummer && existing.naceCode === registration.naceCode;
    if (!sameDetails) {
      throw new DomainError(DomainErrorCode.AlreadyExists, 'an account with this orgnr is already registered', [
        { field: 'orgnr', rule: 'account.orgnr_unique', message: 'is already registered with other details' },
      ]);
    }
    return existing;
  }
}
