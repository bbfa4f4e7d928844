/**
 * numerator / denominator × 100 with one decimal, rounded half away from zero, in integer arithmetic so a
 * half is never lost to binary fractions. Both must be whole numbers; the denominator positive.
 */
export function percentOf(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`percentOf needs whole numbers and a positive denominator, got ${numerator} / ${denominator}`);
  }
  const scaled = numerator * 1000;
  const quotient = Math.trunc(scaled / denominator);
  const remainder = scaled - quotient * denominator;
  const tenths = 2 * Math.abs(remainder) >= denominator ? quotient + Math.sign(scaled) : quotient;
  return tenths / 10;
}

/** A number shown with `decimals` places, half away from zero (display only: the exact value is kept for sums). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // The epsilon keeps 0.125 (stored as 0.12499999…) from rounding down.
  return (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor;
}
