import { REGIONS, type Region } from '@syfo/contracts';

export const DEFAULT_HISTORY_DAYS = 90;
/**
 * About 1,400 persons and 90 establishments in Vest-Viken: some 7,000 documents before a 90-day
 * window and 1,300 in it, replayed in a few minutes on two cores.
 */
export const DEFAULT_SCALE = 0.005;
const MAX_HISTORY_DAYS = 730;

export interface DemoSettings {
  readonly region: Region;
  /** Days replayed one by one before today. */
  readonly historyDays: number;
  /** The fraction of the region's population simulated, in (0, 1]. */
  readonly scale: number;
}

/** The demo's settings from the environment; throws a RangeError naming the variable that is wrong. */
export function demoSettings(vars: Readonly<Record<string, string | undefined>>, region: string): DemoSettings {
  if (!(REGIONS as readonly string[]).includes(region)) throw new RangeError(`SYFO_REGION must be one of ${REGIONS.join(', ')}`);
  const days = vars['SYFO_DEMO_HISTORY_DAYS'] ?? String(DEFAULT_HISTORY_DAYS);
  if (!/^\d+$/.test(days) || Number(days) < 1 || Number(days) > MAX_HISTORY_DAYS) throw new RangeError(`SYFO_DEMO_HISTORY_DAYS must be a whole number of days in 1–${MAX_HISTORY_DAYS}`);
  const scale = Number(vars['SYFO_DEMO_SCALE'] ?? DEFAULT_SCALE);
  if (!(scale > 0 && scale <= 1)) throw new RangeError('SYFO_DEMO_SCALE must be a fraction in (0, 1]');
  return { region: region as Region, historyDays: Number(days), scale };
}
