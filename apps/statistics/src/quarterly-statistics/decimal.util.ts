/**
 * Exact decimals for the statistics (handbook §9.1: "use decimals, not floats"): a value is `unscaled × 10^-scale`
 * with a bigint `unscaled`, so sums, quotients and NAV's rounding steps never meet binary floating point.
 */
export interface Decimal {
  readonly unscaled: bigint;
  readonly scale: number;
}

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

export function decimal(unscaled: bigint, scale: number): Decimal {
  if (!Number.isSafeInteger(scale) || scale < 0) throw new RangeError(`Not a decimal scale: ${scale}`);
  return { unscaled, scale };
}

/** Strict: '-12.50' → 12.50 at scale 2; no exponent, no '+', no bare '.5'. */
export function parseDecimal(text: string): Decimal {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) throw new RangeError(`Not a decimal number: '${text}'`);
  const fraction = match[3] ?? '';
  const unscaled = BigInt(`${match[2]}${fraction}`);
  return decimal(match[1] === '-' ? -unscaled : unscaled, fraction.length);
}

/** Plain notation at the value's own scale: 5.3 → '5.3', 0.053 → '0.053', -0.4 → '-0.4'. */
export function formatDecimal({ unscaled, scale }: Decimal): string {
  const digits = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const sign = unscaled < 0n ? '-' : '';
  return scale === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** For display only (JSON numbers): the nearest double to a final, already rounded value. */
export function decimalToNumber(value: Decimal): number {
  return Number(formatDecimal(value));
}

/**
 * Java's `RoundingMode.HALF_UP`, which NAV's code uses: ties round away from zero (0.0525 → 0.053,
 * −0.0525 → −0.053). Raising the scale only appends zeros.
 */
export function roundHalfUp(value: Decimal, scale: number): Decimal {
  if (scale >= value.scale) return decimal(value.unscaled * 10n ** BigInt(scale - value.scale), scale);
  return decimal(divideHalfUpInteger(value.unscaled, 10n ** BigInt(value.scale - scale)), scale);
}

/** `numerator / denominator` rounded half up to `scale` decimals, as `BigDecimal.divide(d, scale, HALF_UP)`. */
export function divideHalfUp(numerator: bigint, denominator: bigint, scale: number): Decimal {
  if (denominator === 0n) throw new RangeError('Division by zero');
  return decimal(divideHalfUpInteger(numerator * 10n ** BigInt(scale), denominator), scale);
}

export function multiplyDecimal(value: Decimal, factor: bigint): Decimal {
  return decimal(value.unscaled * factor, value.scale);
}

export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return decimal(roundHalfUp(a, scale).unscaled - roundHalfUp(b, scale).unscaled, scale);
}

function divideHalfUpInteger(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const magnitude = (2n * n + d) / (2n * d);
  return negative ? -magnitude : magnitude;
}
