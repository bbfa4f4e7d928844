import { addDays, type LocalDate } from '@syfo/local-date';

import type { FeedItem } from '../simulator/feed-item';
import type { IndustryKey } from '../simulator/industries.table';
import type { Establishment } from '../simulator/population.generator';

export interface DemoAccount {
  readonly orgnr: string;
  readonly name: string;
  readonly kommunenummer: string;
  readonly naceCode: string;
}

/** A trade name per industry, so an account reads like the employer it is. */
const TRADE_NAMES: Readonly<Record<IndustryKey, string>> = {
  agriculture: 'Gårdsbruk',
  'mining-oil': 'Olje og gass',
  'food-industry': 'Næringsmiddel',
  manufacturing: 'Mekaniske verksted',
  energy: 'Kraftselskap',
  'water-waste': 'Renovasjon',
  building: 'Bygg',
  'civil-engineering': 'Anlegg',
  'specialised-construction': 'Elektro og rør',
  trade: 'Handel',
  transport: 'Transport',
  hospitality: 'Hotell og restaurant',
  it: 'IT-tjenester',
  'media-telecom': 'Media',
  finance: 'Sparebank',
  'real-estate': 'Eiendom',
  professional: 'Rådgivning',
  'business-services': 'Renhold og bemanning',
  'public-admin': 'Forvaltning',
  education: 'Skole',
  hospitals: 'Sykehus',
  'other-health': 'Helsesenter',
  'nursing-homes': 'Sykehjem',
  'social-care': 'Omsorgstjeneste',
  kindergartens: 'Barnehage',
  culture: 'Kulturhus',
  'other-services': 'Service',
};

/**
 * CRM accounts for the largest establishments: they have the most sick leave, so their accounts
 * turn up in call tasks and figures. Names are stable, so registering them again is idempotent.
 */
export function demoAccounts(establishments: readonly Establishment[], count: number): DemoAccount[] {
  return [...establishments]
    .sort((a, b) => b.employees - a.employees || (a.orgnr < b.orgnr ? -1 : 1))
    .slice(0, count)
    .map((unit) => ({ orgnr: unit.orgnr, name: `${TRADE_NAMES[unit.industry]} ${unit.kommunenummer}-${unit.orgnr.slice(-3)}`, kommunenummer: unit.kommunenummer, naceCode: unit.naeringskode }));
}

/** Handbook §3.2: gaps of 1–15 non-sick days merge, 16 split. */
const TILFELLE_GAP_DAYS = 16;

/**
 * The person with the longest sick leave going on today, for the example calls: their follow-up has
 * the most milestones to show. Notes count once sent or confirmed; notes less than 16 free days apart
 * are one leave, roughly as in a tilfelle (holidays and egenmelding left out).
 */
export function showcasePerson(documents: readonly FeedItem[], today: LocalDate): string | undefined {
  const periods = new Map<string, { fom: LocalDate; tom: LocalDate }[]>();
  for (const item of documents) {
    if (item.kind !== 'sick-note' || (item.submission.status !== 'SENDT' && item.submission.status !== 'BEKREFTET')) continue;
    const list = periods.get(item.submission.personIdent) ?? [];
    list.push(...item.submission.periods.filter((period) => period.fom <= today).map(({ fom, tom }) => ({ fom, tom })));
    periods.set(item.submission.personIdent, list);
  }
  let best: { ident: string; start: LocalDate } | undefined;
  for (const [ident, list] of periods) {
    let start: LocalDate | undefined;
    let end: LocalDate | undefined;
    for (const period of [...list].sort((a, b) => (a.fom < b.fom ? -1 : a.fom > b.fom ? 1 : 0))) {
      if (end === undefined || period.fom > addDays(end, TILFELLE_GAP_DAYS)) start = period.fom;
      if (end === undefined || period.tom > end) end = period.tom;
    }
    if (start === undefined || end === undefined || end < today) continue;
    if (!best || start < best.start || (start === best.start && ident < best.ident)) best = { ident, start };
  }
  return best?.ident;
}
