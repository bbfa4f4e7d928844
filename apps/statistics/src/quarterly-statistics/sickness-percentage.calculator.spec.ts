import { formatDecimal, parseDecimal } from './decimal.util';
import { percentageOf, percentagePointChange, sicknessPercentage } from './sickness-percentage.calculator';
import { dagsverk } from './statistics.fixtures';

const prosent = (tapte: bigint, mulige: bigint) => {
  const result = sicknessPercentage(tapte, mulige);
  return result.ok ? formatDecimal(result.prosent) : result.reason;
};

describe('sick-leave percentage (§9.1)', () => {
  it('follows the handbook’s example: 123.4 / 2345.6 = 0.05261 → 0.053 → 5.3 %', () => {
    expect(prosent(dagsverk('123.4'), dagsverk('2345.6'))).toBe('5.3');
  });

  it('gives the same result in whole dagsverk and in micro-dagsverk', () => {
    expect(prosent(1234n, 23456n)).toBe('5.3');
  });

  it('rounds the ratio half up to three decimals: 21 / 400 = 0.0525 → 0.053 → 5.3 % (half-even would say 5.2)', () => {
    expect(prosent(21n, 400n)).toBe('5.3');
  });

  it('rounds just below the tie down: 5249 / 100000 = 0.05249 → 0.052 → 5.2 %', () => {
    expect(prosent(5249n, 100_000n)).toBe('5.2');
  });

  it('keeps one decimal for 0 % and 100 %', () => {
    expect(prosent(0n, dagsverk('62'))).toBe('0.0');
    expect(prosent(dagsverk('62'), dagsverk('62'))).toBe('100.0');
  });

  it('gives an explicit error, never NaN or Infinity, when there are no mulige dagsverk', () => {
    expect(sicknessPercentage(0n, 0n)).toEqual({ ok: false, reason: 'ZERO_DENOMINATOR' });
    expect(sicknessPercentage(5n, 0n)).toEqual({ ok: false, reason: 'ZERO_DENOMINATOR' });
  });

  it('rejects negative dagsverk', () => {
    expect(() => sicknessPercentage(-1n, 10n)).toThrow(RangeError);
  });

  it('rounds a graded share the same way: 1 / 3 → 0.333 → 33.3 %', () => {
    const share = percentageOf(1n, 3n);
    expect(share.ok && formatDecimal(share.prosent)).toBe('33.3');
  });

  it('measures a change in percentage points exactly', () => {
    expect(formatDecimal(percentagePointChange(parseDecimal('5.3'), parseDecimal('5.6')))).toBe('-0.3');
    expect(formatDecimal(percentagePointChange(parseDecimal('6.1'), parseDecimal('5.6')))).toBe('0.5');
  });
});
