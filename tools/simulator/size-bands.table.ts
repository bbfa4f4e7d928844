import type { SeededRandom } from './seeded-random';

export type SizeBandKey = '1-4' | '5-9' | '10-19' | '20-49' | '50-99' | '100-249' | '250+';

export interface SizeBand {
  readonly key: SizeBandKey;
  readonly min: number;
  /** Inclusive; undefined for the open top band. */
  readonly max: number | undefined;
  /**
   * Share of establishments with employees, approximating SSB's count by number of employees
   * (about 208,000 establishments; roughly 55 % have 1–4 employees and 0.5 % 250 or more).
   */
  readonly share: number;
}

export const SIZE_BANDS: readonly SizeBand[] = [
  { key: '1-4', min: 1, max: 4, share: 0.545 },
  { key: '5-9', min: 5, max: 9, share: 0.185 },
  { key: '10-19', min: 10, max: 19, share: 0.13 },
  { key: '20-49', min: 20, max: 49, share: 0.093 },
  { key: '50-99', min: 50, max: 99, share: 0.028 },
  { key: '100-249', min: 100, max: 249, share: 0.014 },
  { key: '250+', min: 250, max: undefined, share: 0.005 },
];

/**
 * The bands of `count` establishments in the national proportions exactly (largest remainder), in a
 * seeded random order: drawn one by one, a region's few hundred units stray several points from them.
 */
export function bandsInProportion(count: number, random: SeededRandom): SizeBand[] {
  const exact = SIZE_BANDS.map((band) => band.share * count);
  const counts = exact.map(Math.floor);
  const byRemainder = exact.map((value, i) => [value - Math.floor(value), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, short = count - counts.reduce((sum, n) => sum + n, 0); k < short; k += 1) counts[byRemainder[k % byRemainder.length]![1]]! += 1;
  const bands = SIZE_BANDS.flatMap((band, i) => Array.from({ length: counts[i]! }, () => band));
  for (let i = bands.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [bands[i], bands[j]] = [bands[j]!, bands[i]!];
  }
  return bands;
}

/** Pareto tail of the top band: alpha 1.83 gives a mean of about 550 employees. */
const TOP_BAND_ALPHA = 1.83;

export function sizeBandOf(employees: number): SizeBandKey {
  return SIZE_BANDS.find((band) => employees >= band.min && (band.max === undefined || employees <= band.max))!.key;
}

/**
 * A size within the band: log-uniform (small sizes more frequent, as in the register) in a closed
 * band, Pareto in the open one, never above `cap` (one establishment must not swallow a small sample).
 */
export function drawSize(band: SizeBand, random: SeededRandom, cap: number): number {
  const size = band.max === undefined ? Math.floor(band.min * Math.pow(1 - random.next(), -1 / TOP_BAND_ALPHA)) : Math.floor(band.min * Math.pow((band.max + 1) / band.min, random.next()));
  return Math.max(band.min, Math.min(size, band.max ?? Number.POSITIVE_INFINITY, Math.max(cap, band.min)));
}

/** The mean of `drawSize` without a cap: what "a typical establishment of this band" employs. */
export function meanSize(band: SizeBand): number {
  return MEAN_SIZES.get(band.key)!;
}

const MEAN_SIZES = new Map(
  SIZE_BANDS.map((band) => {
    if (band.max === undefined) return [band.key, (band.min * TOP_BAND_ALPHA) / (TOP_BAND_ALPHA - 1)];
    const span = Math.log((band.max + 1) / band.min);
    let mean = 0;
    for (let size = band.min; size <= band.max; size += 1) mean += (size * Math.log((size + 1) / size)) / span;
    return [band.key, mean];
  }),
);
