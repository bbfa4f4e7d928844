import { varighetOf } from './varighet.classifier';

describe('varighet classes (§9.1)', () => {
  it.each([
    [1, 'A'],
    [7, 'A'],
    [8, 'B'],
    [16, 'B'],
    [17, 'C'],
    [56, 'C'], // 8 weeks
    [57, 'D'],
    [140, 'D'], // 20 weeks
    [141, 'E'],
    [273, 'E'], // 39 weeks
    [274, 'F'],
    [400, 'F'],
  ])('a tilfelle of %i days is class %s', (days, expected) => {
    expect(varighetOf(days)).toBe(expected);
  });

  it('rejects a length below one day', () => {
    expect(() => varighetOf(0)).toThrow(RangeError);
  });
});
