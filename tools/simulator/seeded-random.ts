// Bound once: in a sandboxed context (Jest's vm) every lookup of the global Math is slow, and these
// run hundreds of millions of times for a national population.
const { imul, floor, log, sqrt, sin, cos, exp, pow, PI } = Math;

/**
 * A small, fast, seeded PRNG: xoshiro128** (Blackman and Vigna), 128 bits of state, seeded through
 * splitmix32. Every entity of the simulation draws from its own stream, `SeededRandom.stream(seed,
 * kind, index)`, so what one person gets never depends on how many numbers another one used, and a
 * population can be generated lazily, in any order, with the same result.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined;

  private constructor(words: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = words;
    // The all-zero state is the one state xoshiro never leaves.
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** The stream named by an integer seed and any number of non-negative integer keys. */
  public static stream(seed: number, ...keys: readonly number[]): SeededRandom {
    let h = mix32(checkUint32(seed, 'seed') ^ 0x5bd1e995);
    for (const key of keys) {
      if (!Number.isSafeInteger(key) || key < 0) throw new RangeError(`stream key must be a non-negative safe integer: ${key}`);
      // Keys may exceed 32 bits (a person index times something): fold in both halves.
      h = mix32(h ^ mix32((key >>> 0) + 0x9e3779b9));
      h = mix32(h ^ floor(key / 0x1_0000_0000));
    }
    let state = h;
    const next = () => {
      state = (state + 0x9e3779b9) | 0;
      return mix32(state);
    };
    return new SeededRandom([next(), next(), next(), next()]);
  }

  /** The next 32 random bits as an unsigned integer. */
  public nextUint32(): number {
    const result = imul(rotl(imul(this.b, 5), 7), 9);
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result >>> 0;
  }

  /** Uniform in [0, 1). */
  public next(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** Uniform in [min, max). */
  public uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** A uniform integer in [min, max], both inclusive. */
  public int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  public chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Normal by Box–Muller; the second value of each pair is kept for the next call. */
  public normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return mean + sd * spare;
    }
    const u = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    const v = this.next();
    const r = sqrt(-2 * log(u));
    this.spareNormal = r * sin(2 * PI * v);
    return mean + sd * r * cos(2 * PI * v);
  }

  /** exp(N(mu, sigma²)). With mu = -sigma²/2 its mean is 1. */
  public logNormal(mu: number, sigma: number): number {
    return exp(this.normal(mu, sigma));
  }

  /** Exponential with the given rate (mean 1 / rate). */
  public exponential(rate: number): number {
    return -log(1 - this.next()) / rate;
  }

  /** Gamma(shape, scale) by Marsaglia and Tsang; shape < 1 through the shape + 1 boost. */
  public gamma(shape: number, scale = 1): number {
    if (shape < 1) return this.gamma(shape + 1, scale) * pow(1 - this.next(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const v = pow(1 + c * x, 3);
      if (v <= 0) continue;
      const u = 1 - this.next();
      if (log(u) < 0.5 * x * x + d - d * v + d * log(v)) return d * v * scale;
    }
  }

  /** The number of failures before the first success, each trial succeeding with `probability`. */
  public geometric(probability: number): number {
    if (probability >= 1) return 0;
    return floor(log(1 - this.next()) / log(1 - probability));
  }

  public pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[floor(this.next() * items.length)]!;
  }
}

/** A fixed set of weighted outcomes, drawn in O(log n) by bisecting the cumulative weights. */
export class WeightedChoice<T> {
  private readonly values: readonly T[];
  private readonly cumulative: Float64Array;

  public constructor(entries: Iterable<readonly [T, number]>) {
    const values: T[] = [];
    const weights: number[] = [];
    for (const [value, weight] of entries) {
      if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError(`weight must be finite and non-negative: ${weight}`);
      if (weight === 0) continue;
      values.push(value);
      weights.push(weight);
    }
    if (values.length === 0) throw new RangeError('a weighted choice needs at least one positive weight');
    this.values = values;
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((weight, i) => (this.cumulative[i] = sum += weight));
  }

  public get total(): number {
    return this.cumulative[this.cumulative.length - 1]!;
  }

  public pick(random: SeededRandom): T {
    const target = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo]!;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The splitmix32/murmur3 finaliser: every input bit affects every output bit. */
function mix32(value: number): number {
  let z = value | 0;
  z = imul(z ^ (z >>> 16), 0x85ebca6b);
  z = imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function checkUint32(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff) throw new RangeError(`${name} must be an integer in 0..4294967295: ${value}`);
  return value >>> 0;
}
