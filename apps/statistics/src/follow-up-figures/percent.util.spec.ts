import { percentOf, roundTo } from './percent.util';

describe('percentOf', () => {
  it('gives one decimal, halves away from zero', () => {
    expect(percentOf(103, 493)).toBe(20.9); // 20.892… (Sunnfjord, handbook §9.3)
    expect(percentOf(46, 103)).toBe(44.7); // 44.660…
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 16)).toBe(6.3); // 6.25 exactly: the half goes up
    expect(percentOf(-1, 16)).toBe(-6.3); // and down below zero
    expect(percentOf(-48, 100)).toBe(-48);
    expect(percentOf(0, 7)).toBe(0);
  });

  it('refuses a zero or fractional denominator', () => {
    expect(() => percentOf(1, 0)).toThrow(RangeError);
    expect(() => percentOf(1, 2.5)).toThrow(RangeError);
  });
});

describe('roundTo', () => {
  it('rounds halves away from zero for display', () => {
    expect(roundTo(0.125, 2)).toBe(0.13);
    expect(roundTo(-0.125, 2)).toBe(-0.13);
    expect(roundTo(2.344, 2)).toBe(2.34);
    expect(roundTo(-47.95, 1)).toBe(-48);
  });
});
