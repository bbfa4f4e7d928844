import { z } from 'zod';

/** NAV's twelve county regions; each deploys the platform on its own (handbook §1.4). */
export const REGIONS = [
  'agder',
  'innlandet',
  'more-og-romsdal',
  'nordland',
  'oslo',
  'rogaland',
  'troms-og-finnmark',
  'trondelag',
  'vest-viken',
  'vestfold-og-telemark',
  'vestland',
  'ost-viken',
] as const;

export const RegionSchema = z.enum(REGIONS);
export type Region = z.infer<typeof RegionSchema>;
