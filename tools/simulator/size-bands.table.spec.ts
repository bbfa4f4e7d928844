import { SeededRandom } from './seeded-random';
import { bandsInProportion, SIZE_BANDS } from './size-bands.table';

describe('bandsInProportion', () => {
  const countOf = (bands: readonly { key: string }[], key: string) => bands.filter((band) => band.key === key).length;

  it.each([1, 7, 109, 387, 2_080])('gives %i establishments each band within one of its national share', (count) => {
    const bands = bandsInProportion(count, SeededRandom.stream(1, 2));
    expect(bands).toHaveLength(count);
    for (const band of SIZE_BANDS) expect(Math.abs(countOf(bands, band.key) - band.share * count)).toBeLessThan(1);
  });

  it('orders the bands by the seed, the same order for the same seed', () => {
    const keys = (seed: number) => bandsInProportion(200, SeededRandom.stream(seed, 2)).map((band) => band.key);
    expect(keys(1)).toEqual(keys(1));
    expect(keys(1)).not.toEqual(keys(2));
    // Shuffled, not in band order: the first 109 are not all the 1-4 band.
    expect(new Set(keys(1).slice(0, 109)).size).toBeGreaterThan(1);
  });
});
