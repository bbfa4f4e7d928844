import type { WeekCount } from './open-case.calculator';
import { openCaseSeries, weeksToCount } from './open-case-series.calculator';

const counts = (entries: Record<string, number>): Map<string, WeekCount> =>
  new Map(Object.entries(entries).map(([week, persons]) => [week, { persons, fteWeighted: persons * 0.9 }]));

describe('open-case series against a baseline (handbook §9.2)', () => {
  it('SAME_WEEK_PREVIOUS_YEAR: change against the same week a year earlier, as Østfold measured its fall', () => {
    const series = ['2017-W33', '2017-W34', '2017-W35'];
    const result = openCaseSeries(
      series,
      counts({ '2016-W33': 20, '2016-W34': 100, '2016-W35': 10, '2017-W33': 16, '2017-W34': 52, '2017-W35': 4 }),
      { mode: 'SAME_WEEK_PREVIOUS_YEAR' },
    );
    expect(result.points).toEqual([
      // (16 − 20) / 20 = −20 %
      { week: '2017-W33', count: 16, fteWeighted: 14.4, masked: false, baselineWeek: '2016-W33', baseline: 20, baselineMasked: false, changePercent: -20 },
      // (52 − 100) / 100 = −48 %, Østfold's week 34
      { week: '2017-W34', count: 52, fteWeighted: 46.8, masked: false, baselineWeek: '2016-W34', baseline: 100, baselineMasked: false, changePercent: -48 },
      // 4 persons: masked (§10.3), so no change either
      { week: '2017-W35', count: null, fteWeighted: null, masked: true, baselineWeek: '2016-W35', baseline: 10, baselineMasked: false, changePercent: null },
    ]);
    expect(result.minimum).toEqual({ week: '2017-W34', changePercent: -48 });
    // The last week with a shown change, not the masked one after it.
    expect(result.latest).toEqual({ week: '2017-W34', changePercent: -48 });
    // (−20 % + −48 %) / 2
    expect(result.meanChangePercent).toBe(-34);
    expect(result.weeksInMean).toBe(2);
  });

  it('FIXED_REFERENCE_WEEK: a baseline of 4 persons is masked, of 5 is shown', () => {
    const series = ['2025-W10', '2025-W11'];
    const masked = openCaseSeries(series, counts({ '2025-W01': 4, '2025-W10': 6, '2025-W11': 5 }), { mode: 'FIXED_REFERENCE_WEEK', referenceWeek: '2025-W01' });
    expect(masked.points.map((point) => [point.count, point.baseline, point.baselineMasked, point.changePercent])).toEqual([
      [6, null, true, null],
      [5, null, true, null],
    ]);
    expect(masked).toMatchObject({ minimum: null, latest: null, meanChangePercent: null, weeksInMean: 0 });

    const shown = openCaseSeries(series, counts({ '2025-W01': 5, '2025-W10': 6, '2025-W11': 5 }), { mode: 'FIXED_REFERENCE_WEEK', referenceWeek: '2025-W01' });
    // (6 − 5) / 5 = +20 %; (5 − 5) / 5 = 0 %
    expect(shown.points.map((point) => [point.count, point.baselineWeek, point.baseline, point.changePercent])).toEqual([
      [6, '2025-W01', 5, 20],
      [5, '2025-W01', 5, 0],
    ]);
    expect(shown).toMatchObject({ minimum: { week: '2025-W11', changePercent: 0 }, latest: { week: '2025-W11', changePercent: 0 }, meanChangePercent: 10 });
  });

  it('REFERENCE_PERIOD_MEAN: the exact mean, masked only when even its largest week has fewer than five', () => {
    const period = { mode: 'REFERENCE_PERIOD_MEAN', referenceFrom: '2025-W01', referenceTo: '2025-W03' } as const;
    // Mean 33 / 3 = 11; (12 − 11) / 11 = 9.0909… % → 9.1
    const exact = openCaseSeries(['2025-W10'], counts({ '2025-W01': 10, '2025-W02': 11, '2025-W03': 12, '2025-W10': 12 }), period);
    expect(exact.points[0]).toMatchObject({ baselineWeek: null, baseline: 11, baselineMasked: false, changePercent: 9.1 });
    // Weeks of 4, 4 and 7: the largest rests on 7 persons, so the mean 5 is shown; (6 − 5) / 5 = 20 %.
    expect(openCaseSeries(['2025-W10'], counts({ '2025-W01': 4, '2025-W02': 4, '2025-W03': 7, '2025-W10': 6 }), period).points[0]).toMatchObject({ baseline: 5, changePercent: 20 });
    // Mean of 2, 3, 4 = 3 with every week under five: masked.
    expect(openCaseSeries(['2025-W10'], counts({ '2025-W01': 2, '2025-W02': 3, '2025-W03': 4, '2025-W10': 6 }), period).points[0]).toMatchObject({
      baseline: null,
      baselineMasked: true,
      changePercent: null,
    });
  });

  it('gives week 53 no baseline when the year before had none, and takes the earliest week of equal minima', () => {
    const week53 = openCaseSeries(['2026-W53'], counts({ '2026-W53': 9 }), { mode: 'SAME_WEEK_PREVIOUS_YEAR' });
    expect(week53.points[0]).toEqual({ week: '2026-W53', count: 9, fteWeighted: 8.1, masked: false, baselineWeek: null, baseline: null, baselineMasked: false, changePercent: null });

    const ties = openCaseSeries(['2025-W10', '2025-W11'], counts({ '2025-W01': 10, '2025-W10': 8, '2025-W11': 8 }), { mode: 'FIXED_REFERENCE_WEEK', referenceWeek: '2025-W01' });
    expect(ties.minimum).toEqual({ week: '2025-W10', changePercent: -20 });
    expect(ties.latest).toEqual({ week: '2025-W11', changePercent: -20 });
  });

  it('says which weeks must be counted for each baseline', () => {
    expect(weeksToCount(['2025-W01', '2025-W02'], { mode: 'SAME_WEEK_PREVIOUS_YEAR' })).toEqual(['2024-W01', '2024-W02', '2025-W01', '2025-W02']);
    expect(weeksToCount(['2026-W53'], { mode: 'SAME_WEEK_PREVIOUS_YEAR' })).toEqual(['2026-W53']);
    expect(weeksToCount(['2025-W10'], { mode: 'FIXED_REFERENCE_WEEK', referenceWeek: '2025-W10' })).toEqual(['2025-W10']);
    expect(weeksToCount(['2025-W10'], { mode: 'REFERENCE_PERIOD_MEAN', referenceFrom: '2024-W52', referenceTo: '2025-W01' })).toEqual(['2024-W52', '2025-W01', '2025-W10']);
    expect(() => openCaseSeries(['2025-W10'], counts({}), { mode: 'SAME_WEEK_PREVIOUS_YEAR' })).toThrow(RangeError);
  });
});
