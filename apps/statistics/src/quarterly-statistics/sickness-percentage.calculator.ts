import { divideHalfUp, multiplyDecimal, roundHalfUp, subtractDecimals, type Decimal } from './decimal.util';

/**
 * NAV's percentage (handbook §9.1; navikt/pia-sykefravarsstatistikk `StatistikkUtils.kalkulerSykefraværsprosent`):
 *
 *   prosent = roundHalfUp( roundHalfUp(teller / nevner, 3) × 100, 1 )
 *
 * in exact decimals. The same rounding serves the sick-leave percentage (tapte / mulige), the graded share
 * (tapteGradert / tapte) and korttid/langtid (tapte in those classes / mulige). Teller and nevner must be in the
 * same unit; the quotient does not depend on which (micro-dagsverk or dagsverk).
 */
export type PercentageResult = { readonly ok: true; readonly prosent: Decimal } | { readonly ok: false; readonly reason: 'ZERO_DENOMINATOR' };

const RATIO_SCALE = 3;
const PERCENT_SCALE = 1;

export function percentageOf(teller: bigint, nevner: bigint): PercentageResult {
  if (teller < 0n || nevner < 0n) throw new RangeError(`Dagsverk cannot be negative: ${teller} / ${nevner}`);
  // mulige = 0 (or tapte = 0 for the graded share) is not a 0 % figure but no figure at all.
  if (nevner === 0n) return { ok: false, reason: 'ZERO_DENOMINATOR' };
  return { ok: true, prosent: roundHalfUp(multiplyDecimal(divideHalfUp(teller, nevner, RATIO_SCALE), 100n), PERCENT_SCALE) };
}

/** The sick-leave percentage: tapte over mulige dagsverk. */
export function sicknessPercentage(tapte: bigint, mulige: bigint): PercentageResult {
  return percentageOf(tapte, mulige);
}

/** Percentage points from `earlier` to `later` (trend, §9.1): exact, as both already have one decimal. */
export function percentagePointChange(later: Decimal, earlier: Decimal): Decimal {
  return subtractDecimals(later, earlier);
}
