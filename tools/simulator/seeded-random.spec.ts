import { SeededRandom, WeightedChoice } from './seeded-random';

const draw = (random: SeededRandom, n: number, f: (random: SeededRandom) => number) => Array.from({ length: n }, () => f(random));
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const variance = (values: readonly number[]) => {
  const m = mean(values);
  return values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1);
};

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and stream, and another for any other', () => {
    const sequence = (seed: number, ...keys: number[]) => draw(SeededRandom.stream(seed, ...keys), 20, (random) => random.nextUint32());
    expect(sequence(42, 3, 7)).toEqual(sequence(42, 3, 7));
    expect(sequence(42, 3, 7)).not.toEqual(sequence(43, 3, 7));
    expect(sequence(42, 3, 7)).not.toEqual(sequence(42, 3, 8));
    expect(sequence(42, 3, 7)).not.toEqual(sequence(42, 7, 3));
    expect(sequence(42)).not.toEqual(sequence(42, 0));
    // Keys beyond 32 bits are told apart by their high half too.
    expect(sequence(1, 2 ** 32 + 5)).not.toEqual(sequence(1, 5));
  });

  it('refuses seeds and keys it cannot represent', () => {
    expect(() => SeededRandom.stream(-1)).toThrow(RangeError);
    expect(() => SeededRandom.stream(2 ** 32)).toThrow(RangeError);
    expect(() => SeededRandom.stream(1.5)).toThrow(RangeError);
    expect(() => SeededRandom.stream(1, -2)).toThrow(RangeError);
  });

  it('draws uniformly from [0, 1): mean 1/2, variance 1/12, and never 1', () => {
    const values = draw(SeededRandom.stream(7), 100_000, (random) => random.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    // Standard error of the mean: sqrt(1/12 / 100000) ≈ 0.0009.
    expect(mean(values)).toBeCloseTo(0.5, 2);
    expect(variance(values)).toBeCloseTo(1 / 12, 2);
  });

  it('hits both ends of an integer range and nothing outside it', () => {
    const values = draw(SeededRandom.stream(8), 10_000, (random) => random.int(3, 6));
    expect(new Set(values)).toEqual(new Set([3, 4, 5, 6]));
  });

  it('draws normal, log-normal, exponential, gamma and geometric values with the right moments', () => {
    const random = SeededRandom.stream(9);
    const normal = draw(random, 100_000, (r) => r.normal(2, 3));
    expect(mean(normal)).toBeCloseTo(2, 1);
    expect(Math.sqrt(variance(normal))).toBeCloseTo(3, 1);
    // mu = -sigma²/2 makes the log-normal's mean exactly 1.
    expect(mean(draw(random, 100_000, (r) => r.logNormal(-0.045, 0.3)))).toBeCloseTo(1, 2);
    expect(mean(draw(random, 100_000, (r) => r.exponential(4)))).toBeCloseTo(0.25, 2);
    // Gamma(shape k, scale θ): mean kθ, variance kθ²; the shape < 1 path too.
    const gamma = draw(random, 100_000, (r) => r.gamma(1.5, 2));
    expect(mean(gamma)).toBeCloseTo(3, 1);
    expect(variance(gamma)).toBeCloseTo(6, 0);
    expect(mean(draw(random, 100_000, (r) => r.gamma(0.5, 1)))).toBeCloseTo(0.5, 1);
    // Failures before the first success: mean (1 − p) / p = 3 for p = 1/4.
    expect(mean(draw(random, 100_000, (r) => r.geometric(0.25)))).toBeCloseTo(3, 1);
    expect(random.geometric(1)).toBe(0);
  });

  it('picks from a list and refuses an empty one', () => {
    const random = SeededRandom.stream(10);
    expect(new Set(draw(random, 1_000, (r) => r.pick([1, 2, 3])))).toEqual(new Set([1, 2, 3]));
    expect(() => random.pick([])).toThrow(RangeError);
  });
});

describe('WeightedChoice', () => {
  it('picks in proportion to the weights and never a zero-weight entry', () => {
    const choice = new WeightedChoice<string>([
      ['a', 1],
      ['never', 0],
      ['b', 3],
    ]);
    const picks = draw(SeededRandom.stream(11), 40_000, (random) => (choice.pick(random) === 'a' ? 1 : 0));
    // P(a) = 1/4; standard error sqrt(0.1875 / 40000) ≈ 0.002.
    expect(mean(picks)).toBeCloseTo(0.25, 2);
    expect(choice.total).toBe(4);
    const seen = new Set(Array.from({ length: 1_000 }, () => choice.pick(SeededRandom.stream(12, 1))));
    expect(seen.has('never')).toBe(false);
  });

  it('refuses negative or non-finite weights and an empty list', () => {
    expect(() => new WeightedChoice([['a', -1]])).toThrow(RangeError);
    expect(() => new WeightedChoice([['a', Number.NaN]])).toThrow(RangeError);
    expect(() => new WeightedChoice([['a', 0]])).toThrow(RangeError);
  });
});
