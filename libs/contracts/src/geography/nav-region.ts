import type { Region } from '../events/region.schema';

/**
 * Kommune → fylke → NAV region, for the KOMMUNE, FYLKE and NAV_REGION statistics [DESIGN, handbook §9.1].
 *
 * Fylke: the first two digits of the kommunenummer, in the county structure in force from 1 January 2024 (SSB
 * classification 104). Numbers from older structures (30 Viken, 38 Vestfold og Telemark, 54 Troms og Finnmark…)
 * are not translated: a unit registered with one gets fylke and region UKJENT, which shows up in the figures
 * instead of being guessed.
 *
 * NAV region: the twelve regions of handbook §1.4, coded as the platform's `Region`. Every county maps to one region
 * except Akershus, which NAV split in 2019: Asker and Bærum belong to Nav Vest-Viken (NAV's announcement "NAV
 * Akershus deles i Øst-Viken og Vest-Viken"), the rest to Nav Øst-Viken. Lunner and Jevnaker moved from Oppland
 * to Akershus in 2020, but their NAV offices (Nav Hadeland 0534, Nav Jevnaker 0532) kept Innlandet numbers in NAV's
 * enhet lists, so they map to Nav Innlandet. Verify against NAV's enhet register (norg2) before relying on it.
 */
export const FYLKER: Readonly<Record<string, string>> = {
  '03': 'Oslo',
  '11': 'Rogaland',
  '15': 'Møre og Romsdal',
  '18': 'Nordland',
  '31': 'Østfold',
  '32': 'Akershus',
  '33': 'Buskerud',
  '34': 'Innlandet',
  '39': 'Vestfold',
  '40': 'Telemark',
  '42': 'Agder',
  '46': 'Vestland',
  '50': 'Trøndelag',
  '55': 'Troms',
  '56': 'Finnmark',
};

export const REGION_OF_FYLKE: Readonly<Record<string, Region>> = {
  '03': 'oslo',
  '11': 'rogaland',
  '15': 'more-og-romsdal',
  '18': 'nordland',
  '31': 'ost-viken',
  '32': 'ost-viken',
  '33': 'vest-viken',
  '34': 'innlandet',
  '39': 'vestfold-og-telemark',
  '40': 'vestfold-og-telemark',
  '42': 'agder',
  '46': 'vestland',
  '50': 'trondelag',
  '55': 'troms-og-finnmark',
  '56': 'troms-og-finnmark',
};

/** Kommuner whose region differs from their county's. */
export const REGION_OF_KOMMUNE_EXCEPTIONS: Readonly<Record<string, Region>> = {
  '3201': 'vest-viken', // Bærum
  '3203': 'vest-viken', // Asker
  '3234': 'innlandet', // Lunner
  '3236': 'innlandet', // Jevnaker
};

/** The 2024 fylkesnummer of a kommunenummer, or null when the county is not in the 2024 structure. */
export function fylkeOf(kommunenummer: string): string | null {
  if (!/^\d{4}$/.test(kommunenummer)) throw new RangeError(`Not a kommunenummer (NNNN): '${kommunenummer}'`);
  const fylke = kommunenummer.slice(0, 2);
  return fylke in FYLKER ? fylke : null;
}

export function navRegionOf(kommunenummer: string): Region | null {
  const fylke = fylkeOf(kommunenummer);
  if (fylke === null) return null;
  return REGION_OF_KOMMUNE_EXCEPTIONS[kommunenummer] ?? REGION_OF_FYLKE[fylke]!;
}
