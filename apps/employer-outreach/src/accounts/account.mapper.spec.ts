import { Account } from './account.entity';
import { toAccountMessage } from './account.mapper';

describe('toAccountMessage', () => {
  it('sends the account under its id, without created_at', () => {
    const account = Object.assign(new Account(), {
      id: '0b8f4a52-5f0e-4c1e-9f57-3d1c2a7b9e10',
      orgnr: '974760673',
      name: 'Drammen kommune',
      kommunenummer: '3301',
      naceCode: '84.110',
      createdAt: new Date('2025-11-23T00:00:00Z'),
    });

    expect(toAccountMessage(account)).toEqual({
      accountId: '0b8f4a52-5f0e-4c1e-9f57-3d1c2a7b9e10',
      orgnr: '974760673',
      name: 'Drammen kommune',
      kommunenummer: '3301',
      naceCode: '84.110',
    });
  });
});
