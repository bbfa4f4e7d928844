import { AccountTeam } from '../account-teams/account-team.entity';
import { Account } from './account.entity';
import { toAccountMessage } from './account.mapper';

describe('toAccountMessage', () => {
  it('sends the account under its id, without created_at, with its teams in the order given', () => {
    const account = Object.assign(new Account(), {
      id: '0b8f4a52-5f0e-4c1e-9f57-3d1c2a7b9e10',
      orgnr: '974760673',
      name: 'Drammen kommune',
      kommunenummer: '3301',
      naceCode: '84.110',
      createdAt: new Date('2025-11-23T00:00:00Z'),
    });

    const team = Object.assign(new AccountTeam(), {
      teamId: '5d1f7c3e-2a4b-4c6d-8e9f-0a1b2c3d4e5f',
      orgnr: '974760673',
      teamName: 'Arbeidsgiverteam Drammen',
      enhetNr: '0602',
      updatedAt: new Date('2025-11-24T00:00:00Z'),
    });

    expect(toAccountMessage(account, [team])).toEqual({
      accountId: '0b8f4a52-5f0e-4c1e-9f57-3d1c2a7b9e10',
      orgnr: '974760673',
      name: 'Drammen kommune',
      kommunenummer: '3301',
      naceCode: '84.110',
      teams: [{ teamId: '5d1f7c3e-2a4b-4c6d-8e9f-0a1b2c3d4e5f', name: 'Arbeidsgiverteam Drammen', enhetNr: '0602' }],
    });
  });
});
