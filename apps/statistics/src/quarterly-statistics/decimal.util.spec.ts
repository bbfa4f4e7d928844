import {
  decimal,
  decimalToNumber,
  divideHalfUp,
  formatDecimal,
  multiplyDecimal,
  parseDecimal,
  roundHalfUp,
  subtractDecimals,
} from './decimal.util';

const text = (value: string, scale: number) => formatDecimal(roundHalfUp(parseDecimal(value), scale));

describe('exact decimals', () => {
  it('parses and prints plain decimal notation at the value’s own scale', () => {
    expect(parseDecimal('123.40')).toEqual({ unscaled: 12340n, scale: 2 });
    expect(parseDecimal('-0.053')).toEqual({ unscaled: -53n, scale: 3 });
    expect(formatDecimal(decimal(53n, 3))).toBe('0.053');
    expect(formatDecimal(decimal(-4n, 1))).toBe('-0.4');
    expect(formatDecimal(decimal(12n, 0))).toBe('12');
  });

  it.each(['1e5', '.5', '+1', '1.', '1,5', '', ' 1'])('rejects %p', (value) => {
    expect(() => parseDecimal(value)).toThrow(RangeError);
  });

  it('rounds half up, ties away from zero, as Java’s RoundingMode.HALF_UP', () => {
    expect(text('0.0525', 3)).toBe('0.053'); // HALF_EVEN would give 0.052
    expect(text('0.05249', 3)).toBe('0.052');
    expect(text('-0.0525', 3)).toBe('-0.053');
    expect(text('1.25', 1)).toBe('1.3');
    expect(text('1.35', 1)).toBe('1.4');
    expect(text('2.5', 0)).toBe('3');
    expect(text('5.3', 3)).toBe('5.300');
  });

  it('divides with half-up rounding to a scale', () => {
    expect(formatDecimal(divideHalfUp(1n, 3n, 3))).toBe('0.333');
    expect(formatDecimal(divideHalfUp(2n, 3n, 3))).toBe('0.667');
    expect(formatDecimal(divideHalfUp(1n, 8n, 2))).toBe('0.13'); // 0.125
    expect(formatDecimal(divideHalfUp(-1n, 8n, 2))).toBe('-0.13');
    expect(() => divideHalfUp(1n, 0n, 3)).toThrow('Division by zero');
  });

  it('multiplies, subtracts across scales and converts a final value for display', () => {
    expect(formatDecimal(multiplyDecimal(parseDecimal('0.053'), 100n))).toBe('5.300');
    expect(formatDecimal(subtractDecimals(parseDecimal('5.3'), parseDecimal('5.6')))).toBe('-0.3');
    expect(formatDecimal(subtractDecimals(parseDecimal('6'), parseDecimal('0.25')))).toBe('5.75');
    expect(decimalToNumber(parseDecimal('5.3'))).toBe(5.3);
  });
});
