import { quarterOf } from './quarter.util';

describe('quarterOf', () => {
  it.each([
    ['2025-01-01', '2025-Q1'],
    ['2025-03-31', '2025-Q1'],
    ['2025-04-01', '2025-Q2'],
    ['2025-09-30', '2025-Q3'],
    ['2025-10-01', '2025-Q4'],
    ['2025-12-31', '2025-Q4'],
  ])('%s is in %s', (date, quarter) => {
    expect(quarterOf(date)).toBe(quarter);
  });
});
