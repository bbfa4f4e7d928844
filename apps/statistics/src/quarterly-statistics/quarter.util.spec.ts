import { addQuarters, formatQuarter, historyWindow, parseQuarter, quarterEnd, quarterStart, quartersBetween } from './quarter.util';

describe('quarters', () => {
  it('parses and formats YYYY-Qn', () => {
    expect(parseQuarter('2024-Q3')).toEqual({ year: 2024, quarter: 3 });
    expect(formatQuarter(2024, 1)).toBe('2024-Q1');
    expect(() => parseQuarter('2024-Q5')).toThrow(RangeError);
    expect(() => formatQuarter(2024, 0)).toThrow(RangeError);
  });

  it('steps across year boundaries both ways', () => {
    expect(addQuarters('2024-Q1', -1)).toBe('2023-Q4');
    expect(addQuarters('2023-Q4', 1)).toBe('2024-Q1');
    expect(addQuarters('2024-Q2', -4)).toBe('2023-Q2');
  });

  it('knows the first and last day of a quarter, leap day included', () => {
    expect(quarterStart('2024-Q1')).toBe('2024-01-01');
    expect(quarterEnd('2024-Q1')).toBe('2024-03-31');
    expect(quarterEnd('2024-Q4')).toBe('2024-12-31');
    expect(quarterStart('2024-Q3')).toBe('2024-07-01');
  });

  it('lists the quarters from one to another, both included', () => {
    expect(quartersBetween('2023-Q3', '2024-Q2')).toEqual(['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
    expect(quartersBetween('2024-Q2', '2024-Q1')).toEqual([]);
  });

  it('keeps whole years of history and the current year, moving on 1 January (§9.1)', () => {
    expect(historyWindow('2026-12-31', 5)).toEqual({ fromQuarter: '2021-Q1', toQuarter: '2026-Q4' });
    expect(historyWindow('2027-01-01', 5)).toEqual({ fromQuarter: '2022-Q1', toQuarter: '2027-Q4' });
    expect(historyWindow('2026-06-15', 0)).toEqual({ fromQuarter: '2026-Q1', toQuarter: '2026-Q4' });
  });
});
