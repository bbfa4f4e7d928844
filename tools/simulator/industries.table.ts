import type { Sektor } from '@syfo/contracts';

export type IndustryKey =
  | 'agriculture'
  | 'mining-oil'
  | 'food-industry'
  | 'manufacturing'
  | 'energy'
  | 'water-waste'
  | 'building'
  | 'civil-engineering'
  | 'specialised-construction'
  | 'trade'
  | 'transport'
  | 'hospitality'
  | 'it'
  | 'media-telecom'
  | 'finance'
  | 'real-estate'
  | 'professional'
  | 'business-services'
  | 'public-admin'
  | 'education'
  | 'hospitals'
  | 'other-health'
  | 'nursing-homes'
  | 'social-care'
  | 'kindergartens'
  | 'culture'
  | 'other-services';

/** The industry groups the calibration report compares against published figures. */
export type IndustryGroup = 'HEALTH_SOCIAL' | 'IT' | 'FINANCE';

export interface Industry {
  readonly key: IndustryKey;
  /** Per cent of employed persons (SSB-like approximations; the rows sum to about 99). */
  readonly employmentShare: number;
  readonly womenShare: number;
  /** Employment by sector; the overordnet enhet decides a unit's sector (handbook §7.1). */
  readonly sectors: Readonly<Record<Sektor, number>>;
  /**
   * Legemeldt sick-leave % relative to the national figure, from NAV's published statistics by
   * næring rounded to the nearest 0.05. Rows in a calibration group are held fixed; the others
   * are scaled together so the national figure comes out right.
   */
  readonly sickLeaveIndex: number;
  readonly group?: IndustryGroup;
  /** How strongly the industry leans to large establishments: P(industry | size band) ∝ mean size^affinity. */
  readonly sizeAffinity: number;
  /** Five-digit SN2007 næringskoder with their relative frequency within the industry. */
  readonly codes: Readonly<Record<string, number>>;
}

const PRIVATE: Readonly<Record<Sektor, number>> = { STATLIG: 0, KOMMUNAL: 0, PRIVAT: 1 };

export const INDUSTRIES: readonly Industry[] = [
  { key: 'agriculture', employmentShare: 2.2, womenShare: 0.25, sectors: PRIVATE, sickLeaveIndex: 0.85, sizeAffinity: -0.6, codes: { '01.110': 1, '01.410': 3, '02.200': 1, '03.111': 2, '03.211': 3 } },
  { key: 'mining-oil', employmentShare: 2.1, womenShare: 0.22, sectors: PRIVATE, sickLeaveIndex: 0.7, sizeAffinity: 0.6, codes: { '06.100': 3, '09.101': 3, '08.110': 1 } },
  { key: 'food-industry', employmentShare: 1.6, womenShare: 0.4, sectors: PRIVATE, sickLeaveIndex: 1.25, sizeAffinity: 0.5, codes: { '10.110': 2, '10.201': 3, '10.510': 1, '10.710': 2 } },
  {
    key: 'manufacturing',
    employmentShare: 6.2,
    womenShare: 0.2,
    sectors: PRIVATE,
    sickLeaveIndex: 0.95,
    sizeAffinity: 0.3,
    codes: { '16.100': 1, '20.140': 1, '24.420': 1, '25.110': 2, '28.290': 2, '30.111': 2, '31.010': 1, '33.120': 2 },
  },
  { key: 'energy', employmentShare: 0.6, womenShare: 0.25, sectors: PRIVATE, sickLeaveIndex: 0.7, sizeAffinity: 0.3, codes: { '35.111': 2, '35.130': 2 } },
  { key: 'water-waste', employmentShare: 0.6, womenShare: 0.2, sectors: { STATLIG: 0, KOMMUNAL: 0.4, PRIVAT: 0.6 }, sickLeaveIndex: 1.15, sizeAffinity: 0.2, codes: { '36.000': 1, '37.000': 1, '38.110': 2 } },
  { key: 'building', employmentShare: 3.0, womenShare: 0.08, sectors: PRIVATE, sickLeaveIndex: 1.0, sizeAffinity: -0.1, codes: { '41.200': 1 } },
  { key: 'civil-engineering', employmentShare: 1.2, womenShare: 0.08, sectors: PRIVATE, sickLeaveIndex: 0.95, sizeAffinity: 0.2, codes: { '42.110': 2, '42.210': 1 } },
  { key: 'specialised-construction', employmentShare: 3.8, womenShare: 0.05, sectors: PRIVATE, sickLeaveIndex: 1.0, sizeAffinity: -0.1, codes: { '43.210': 3, '43.221': 2, '43.320': 2, '43.990': 1 } },
  {
    key: 'trade',
    employmentShare: 12.4,
    womenShare: 0.45,
    sectors: PRIVATE,
    sickLeaveIndex: 0.95,
    sizeAffinity: 0,
    codes: { '45.201': 1, '46.460': 1, '46.900': 2, '47.111': 4, '47.300': 1, '47.520': 1, '47.710': 1 },
  },
  {
    key: 'transport',
    employmentShare: 4.9,
    womenShare: 0.22,
    sectors: { STATLIG: 0.1, KOMMUNAL: 0.05, PRIVAT: 0.85 },
    sickLeaveIndex: 1.15,
    sizeAffinity: 0.1,
    codes: { '49.311': 2, '49.391': 1, '49.410': 3, '51.100': 1, '52.290': 2, '53.100': 1 },
  },
  { key: 'hospitality', employmentShare: 3.5, womenShare: 0.55, sectors: PRIVATE, sickLeaveIndex: 1.0, sizeAffinity: 0, codes: { '55.101': 2, '56.101': 3, '56.290': 1 } },
  {
    key: 'it',
    employmentShare: 2.9,
    womenShare: 0.27,
    sectors: { STATLIG: 0.03, KOMMUNAL: 0, PRIVAT: 0.97 },
    sickLeaveIndex: 0.5,
    group: 'IT',
    sizeAffinity: 0,
    codes: { '62.010': 3, '62.020': 3, '62.030': 1, '62.090': 1, '63.110': 1 },
  },
  { key: 'media-telecom', employmentShare: 1.1, womenShare: 0.4, sectors: { STATLIG: 0.05, KOMMUNAL: 0, PRIVAT: 0.95 }, sickLeaveIndex: 0.7, sizeAffinity: 0.1, codes: { '58.130': 1, '58.290': 1, '60.200': 1, '61.100': 1, '61.200': 1 } },
  {
    key: 'finance',
    employmentShare: 1.8,
    womenShare: 0.47,
    sectors: { STATLIG: 0.03, KOMMUNAL: 0, PRIVAT: 0.97 },
    sickLeaveIndex: 0.5,
    group: 'FINANCE',
    sizeAffinity: 0.1,
    codes: { '64.190': 4, '64.300': 1, '65.110': 1, '65.120': 2, '66.190': 1 },
  },
  { key: 'real-estate', employmentShare: 1.3, womenShare: 0.42, sectors: { STATLIG: 0, KOMMUNAL: 0.05, PRIVAT: 0.95 }, sickLeaveIndex: 0.75, sizeAffinity: -0.5, codes: { '68.209': 3, '68.320': 2 } },
  {
    key: 'professional',
    employmentShare: 5.6,
    womenShare: 0.42,
    sectors: { STATLIG: 0.06, KOMMUNAL: 0, PRIVAT: 0.94 },
    sickLeaveIndex: 0.6,
    sizeAffinity: -0.2,
    codes: { '69.100': 1, '69.201': 2, '70.220': 2, '71.121': 3, '72.190': 1, '73.110': 1, '75.000': 1 },
  },
  { key: 'business-services', employmentShare: 5.0, womenShare: 0.4, sectors: PRIVATE, sickLeaveIndex: 1.15, sizeAffinity: 0.2, codes: { '77.110': 1, '78.200': 2, '80.100': 1, '81.210': 3, '82.990': 1 } },
  {
    key: 'public-admin',
    employmentShare: 6.3,
    womenShare: 0.55,
    sectors: { STATLIG: 0.45, KOMMUNAL: 0.52, PRIVAT: 0.03 },
    sickLeaveIndex: 0.95,
    sizeAffinity: 0.5,
    codes: { '84.110': 4, '84.120': 1, '84.220': 1, '84.240': 1, '84.300': 1 },
  },
  { key: 'education', employmentShare: 8.0, womenShare: 0.65, sectors: { STATLIG: 0.25, KOMMUNAL: 0.55, PRIVAT: 0.2 }, sickLeaveIndex: 0.95, sizeAffinity: 0.5, codes: { '85.201': 4, '85.310': 2, '85.421': 2, '85.599': 1 } },
  // Health and social services (Q): about 1.4 times the national figure as a whole, with nursing
  // homes and kindergartens the highest within it.
  { key: 'hospitals', employmentShare: 5.3, womenShare: 0.78, sectors: { STATLIG: 0.92, KOMMUNAL: 0, PRIVAT: 0.08 }, sickLeaveIndex: 1.25, group: 'HEALTH_SOCIAL', sizeAffinity: 1.2, codes: { '86.101': 6, '86.102': 1, '86.107': 1 } },
  { key: 'other-health', employmentShare: 2.4, womenShare: 0.75, sectors: { STATLIG: 0, KOMMUNAL: 0.3, PRIVAT: 0.7 }, sickLeaveIndex: 1.0, group: 'HEALTH_SOCIAL', sizeAffinity: -0.4, codes: { '86.211': 3, '86.221': 1, '86.230': 2, '86.901': 2 } },
  { key: 'nursing-homes', employmentShare: 4.4, womenShare: 0.85, sectors: { STATLIG: 0, KOMMUNAL: 0.82, PRIVAT: 0.18 }, sickLeaveIndex: 1.7, group: 'HEALTH_SOCIAL', sizeAffinity: 0.6, codes: { '87.101': 4, '87.102': 2 } },
  { key: 'social-care', employmentShare: 5.8, womenShare: 0.82, sectors: { STATLIG: 0, KOMMUNAL: 0.82, PRIVAT: 0.18 }, sickLeaveIndex: 1.4, group: 'HEALTH_SOCIAL', sizeAffinity: 0.4, codes: { '88.101': 5, '88.991': 2, '88.994': 1 } },
  { key: 'kindergartens', employmentShare: 3.2, womenShare: 0.9, sectors: { STATLIG: 0, KOMMUNAL: 0.45, PRIVAT: 0.55 }, sickLeaveIndex: 1.65, group: 'HEALTH_SOCIAL', sizeAffinity: 0.2, codes: { '88.911': 1 } },
  { key: 'culture', employmentShare: 1.9, womenShare: 0.5, sectors: { STATLIG: 0, KOMMUNAL: 0.25, PRIVAT: 0.75 }, sickLeaveIndex: 0.85, sizeAffinity: -0.2, codes: { '90.012': 1, '91.011': 1, '93.110': 1, '93.120': 2 } },
  { key: 'other-services', employmentShare: 1.6, womenShare: 0.62, sectors: PRIVATE, sickLeaveIndex: 0.95, sizeAffinity: -0.5, codes: { '94.120': 1, '94.910': 1, '96.020': 3 } },
];

const INDUSTRY_BY_CODE = new Map(INDUSTRIES.flatMap((industry) => Object.keys(industry.codes).map((code) => [code, industry] as const)));

/** The industry a næringskode belongs to; the kommune and fylkeskommune hovedenheter are public administration. */
export function industryOfCode(naeringskode: string): Industry {
  const industry = INDUSTRY_BY_CODE.get(naeringskode);
  if (!industry) throw new RangeError(`næringskode ${naeringskode} is not in the simulator's table`);
  return industry;
}

/** NACE 84.110, general public administration: what a kommune or fylkeskommune is as an enterprise. */
export const PUBLIC_ADMINISTRATION_CODE = '84.110';
/** Upper secondary schools belong to the fylkeskommune, not the kommune. */
export const UPPER_SECONDARY_CODE = '85.310';
/** Hospitals belong to the state's health trusts (one per fylke here). */
export const HOSPITAL_TRUST_CODE = '86.101';

/** Sub-groups the report compares within health and social services (the bransjeprogram codes, §7.1). */
export const NURSING_HOME_CODES: ReadonlySet<string> = new Set(['87.101', '87.102']);
export const KINDERGARTEN_CODES: ReadonlySet<string> = new Set(['88.911']);
