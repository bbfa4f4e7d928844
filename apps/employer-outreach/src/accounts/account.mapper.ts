import type { outreachV1 } from '@syfo/contracts';

import type { Account } from './account.entity';

export function toAccountMessage(account: Account): outreachV1.Account {
  return {
    accountId: account.id,
    orgnr: account.orgnr,
    name: account.name,
    kommunenummer: account.kommunenummer,
    naceCode: account.naceCode,
  };
}
