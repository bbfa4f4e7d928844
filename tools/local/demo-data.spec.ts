import { AccountRegisteredEvent } from '@syfo/contracts';

import { demoAccounts, showcasePerson } from './demo-data';
import type { FeedItem } from '../simulator/feed-item';
import type { Establishment } from '../simulator/population.generator';

const unit = (orgnr: string, employees: number, industry: Establishment['industry'], naeringskode: string): Establishment =>
  ({ orgnr, employees, industry, naeringskode, kommunenummer: '3301' }) as Establishment;

describe('demoAccounts', () => {
  const establishments = [
    unit('910000011', 40, 'kindergartens', '88.911'),
    unit('910000022', 250, 'nursing-homes', '87.101'),
    unit('910000033', 250, 'manufacturing', '25.110'),
    unit('910000044', 3, 'agriculture', '01.410'),
  ];

  it('takes the largest establishments, ties by orgnr, named after their trade', () => {
    expect(demoAccounts(establishments, 3)).toEqual([
      { orgnr: '910000022', name: 'Sykehjem 3301-022', kommunenummer: '3301', naceCode: '87.101' },
      { orgnr: '910000033', name: 'Mekaniske verksted 3301-033', kommunenummer: '3301', naceCode: '25.110' },
      { orgnr: '910000011', name: 'Barnehage 3301-011', kommunenummer: '3301', naceCode: '88.911' },
    ]);
  });

  it('registers as the CRM contract wants', () => {
    const schema = AccountRegisteredEvent.payload.omit({ accountId: true, orgnr: true });
    for (const { orgnr: _orgnr, ...account } of demoAccounts(establishments, 4)) expect(() => schema.parse(account)).not.toThrow();
  });
});

describe('showcasePerson', () => {
  const TODAY = '2026-11-23';
  const note = (person: string, fom: string, tom: string, status: 'SENDT' | 'BEKREFTET' | 'NY' = 'BEKREFTET'): FeedItem => ({
    kind: 'sick-note',
    at: `${fom}T08:00:00Z`,
    submission: { sourceSystem: 'test', sourceId: `${person}${fom}`, personIdent: person, status, issuedOn: fom, periods: [{ fom, tom, type: 'FULL' }] },
  });
  // A: 1 Sep – 14 Sep, then 25 Sep on: 10 free days between, one leave from 1 September.
  const a = [note('A', '2026-09-01', '2026-09-14'), note('A', '2026-09-25', '2026-11-30')];
  // C: sick since June, but the leave ended yesterday.
  const c = [note('C', '2026-06-01', '2026-11-22')];
  // E: only a draft (NY) note, never sent.
  const e = [note('E', '2026-01-01', '2026-12-31', 'NY')];
  // D: 1–20 August, then again from `back`.
  const d = (back: string) => [note('D', '2026-08-01', '2026-08-20', 'SENDT'), note('D', back, '2026-12-01', 'SENDT')];

  it('picks the person whose ongoing leave began first', () => {
    // D's 16 free days (21 Aug – 5 Sep) split the leave: it began 6 September, after A's.
    expect(showcasePerson([...c, ...d('2026-09-06'), ...a, ...e], TODAY)).toBe('A');
  });

  it('counts notes 15 free days apart as one leave', () => {
    // 21 Aug – 4 Sep is 15 days: D has been sick since 1 August.
    expect(showcasePerson([...c, ...d('2026-09-05'), ...a, ...e], TODAY)).toBe('D');
  });

  it('has nobody to show when nobody is sick today', () => {
    expect(showcasePerson([...c, ...e], TODAY)).toBeUndefined();
  });
});
