import type { outreachV1 } from '@syfo/contracts';

import type { AccountTeam } from '../account-teams/account-team.entity';
import type { Account } from './account.entity';

/** The account with the teams that look after it, in the order given (the caller sorts them by name). */
export function toAccountMessage(account: Account, teams: readonly AccountTeam[]): outreachV1.Account {
  return {
    accountId: account.id,
    orgnr: account.orgnr,
    name: account.name,
    kommunenummer: account.kommunenummer,
    naceCode: account.naceCode,
    teams: teams.map((team) => ({ teamId: team.teamId, name: team.teamName, enhetNr: team.enhetNr })),
  };
}
