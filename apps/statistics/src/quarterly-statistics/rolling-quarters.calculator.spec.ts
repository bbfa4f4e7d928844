import { ZERO_VARIGHET } from './dagsverk.calculator';
import { formatDecimal } from './decimal.util';
import { lastFourQuarters, rollingFourQuarters, trendOf, type QuarterFigures } from './rolling-quarters.calculator';
import { sicknessPercentage } from './sickness-percentage.calculator';
import { dagsverk } from './statistics.fixtures';

const figures = (quarter: string, tapte: string, mulige: string, antallPersoner = 20, overrides: Partial<QuarterFigures> = {}): QuarterFigures => ({
  quarter,
  level: 'NAERING2',
  code: '86',
  antallPersoner,
  tapte: dagsverk(tapte),
  mulige: dagsverk(mulige),
  tapteGradert: 0n,
  tapteVarighet: { ...ZERO_VARIGHET, A: dagsverk(tapte) },
  maskReason: antallPersoner < 5 ? 'FEWER_THAN_FIVE_PERSONS' : null,
  ...overrides,
});

const percentOf = (rolling: { tapte: bigint; mulige: bigint } | null) => {
  const result = sicknessPercentage(rolling!.tapte, rolling!.mulige);
  return result.ok ? formatDecimal(result.prosent) : result.reason;
};

describe('rolling four quarters (§9.1)', () => {
  it('ends at the latest published quarter', () => {
    expect(lastFourQuarters('2024-Q2')).toEqual(['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
  });

  it('sums tapte and mulige, then divides; it never averages the quarterly percentages', () => {
    // 10/100 = 10 % and 1/1000 = 0.1 %: the average would be 5.05 %, the rolling figure is 11/1100 = 1.0 %.
    const rolling = rollingFourQuarters([figures('2024-Q1', '10', '100'), figures('2024-Q2', '1', '1000')], '2024-Q2');
    expect(rolling).toMatchObject({ quarters: ['2024-Q1', '2024-Q2'], tapte: dagsverk('11'), mulige: dagsverk('1100'), maskReason: null });
    expect(percentOf(rolling)).toBe('1.0');
  });

  it('leaves out missing quarters and quarters outside the window, and gives null for none', () => {
    const rows = [figures('2023-Q2', '99', '100'), figures('2023-Q4', '5', '100'), figures('2024-Q2', '7', '100')];
    expect(rollingFourQuarters(rows, '2024-Q2')).toMatchObject({ quarters: ['2023-Q4', '2024-Q2'], tapte: dagsverk('12'), mulige: dagsverk('200') });
    expect(rollingFourQuarters([figures('2022-Q1', '1', '10')], '2024-Q2')).toBeNull();
  });

  it('is masked when the largest included quarter has fewer than five persons', () => {
    const rows = ['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2'].map((quarter) => figures(quarter, '1', '10', 4));
    expect(rollingFourQuarters(rows, '2024-Q2')?.maskReason).toBe('FEWER_THAN_FIVE_PERSONS');
  });

  it('is shown when every quarter has at least five persons', () => {
    const rows = ['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2'].map((quarter) => figures(quarter, '1', '10', 5));
    expect(rollingFourQuarters(rows, '2024-Q2')).toMatchObject({ maskReason: null, maxAntallPersoner: 5 });
  });

  it('counts a masked quarter in the sums, but is masked rather than let the sum reveal that quarter', () => {
    // Q3 rests on 4 persons and is masked. The handbook's max rule alone would show the rolling figure (6 persons),
    // and rolling − (Q4 + Q1 + Q2) would give Q3's dagsverk.
    const rows = [figures('2023-Q3', '2', '40', 4), figures('2023-Q4', '3', '60', 6), figures('2024-Q1', '3', '60', 6), figures('2024-Q2', '3', '60', 6)];
    expect(rollingFourQuarters(rows, '2024-Q2')).toMatchObject({ tapte: dagsverk('11'), mulige: dagsverk('220'), maxAntallPersoner: 6, maskReason: 'DIFFERENCE_DISCLOSURE' });
  });

  it('is masked when it includes a quarter masked to protect another figure', () => {
    const rows = [figures('2024-Q1', '3', '60', 6, { maskReason: 'DIFFERENCE_DISCLOSURE' }), figures('2024-Q2', '3', '60', 6)];
    expect(rollingFourQuarters(rows, '2024-Q2')?.maskReason).toBe('DIFFERENCE_DISCLOSURE');
  });

  it('adds up the graded and varighet breakdown, and has none when a quarter lacks it', () => {
    const withBreakdown = rollingFourQuarters([figures('2024-Q1', '3', '60', 6, { tapteGradert: dagsverk('1') }), figures('2024-Q2', '2', '60')], '2024-Q2');
    expect(withBreakdown).toMatchObject({ tapteGradert: dagsverk('1'), tapteVarighet: { ...ZERO_VARIGHET, A: dagsverk('5') } });
    const published = rollingFourQuarters([figures('2024-Q1', '3', '60', 6, { tapteGradert: null, tapteVarighet: null }), figures('2024-Q2', '2', '60')], '2024-Q2');
    expect(published).toMatchObject({ tapteGradert: null, tapteVarighet: null, tapte: dagsverk('5') });
  });

  it('refuses rows of several series or a quarter twice', () => {
    expect(() => rollingFourQuarters([figures('2024-Q1', '1', '10'), figures('2024-Q2', '1', '10', 20, { code: '87' })], '2024-Q2')).toThrow(RangeError);
    expect(() => rollingFourQuarters([figures('2024-Q1', '1', '10'), figures('2024-Q1', '1', '10')], '2024-Q2')).toThrow(RangeError);
  });
});

describe('trend (§9.1)', () => {
  it('is the latest quarter’s percentage minus the same quarter’s a year earlier: 6.1 − 5.6 = 0.5 points', () => {
    const result = trendOf([figures('2023-Q2', '56', '1000'), figures('2024-Q1', '80', '1000'), figures('2024-Q2', '61', '1000')], '2024-Q2');
    expect(result.ok && formatDecimal(result.trend)).toBe('0.5');
    expect(result.ok && result.quarters).toEqual(['2024-Q2', '2023-Q2']);
  });

  it('can fall: 5.3 − 5.6 = −0.3 points', () => {
    const result = trendOf([figures('2023-Q2', '56', '1000', 20, { level: 'BRANSJE', code: 'SYKEHUS' }), figures('2024-Q2', '53', '1000', 20, { level: 'BRANSJE', code: 'SYKEHUS' })], '2024-Q2');
    expect(result.ok && formatDecimal(result.trend)).toBe('-0.3');
  });

  it('needs both quarters, shown, with mulige dagsverk, at bransje or næring level', () => {
    expect(trendOf([figures('2024-Q2', '61', '1000')], '2024-Q2')).toEqual({ ok: false, reason: 'MISSING_QUARTER' });
    expect(trendOf([figures('2023-Q2', '56', '1000', 4), figures('2024-Q2', '61', '1000')], '2024-Q2')).toEqual({ ok: false, reason: 'MASKED' });
    expect(trendOf([figures('2023-Q2', '0', '0'), figures('2024-Q2', '61', '1000')], '2024-Q2')).toEqual({ ok: false, reason: 'ZERO_DENOMINATOR' });
    const virksomhet = { level: 'VIRKSOMHET', code: '910000012' } as const;
    expect(trendOf([figures('2023-Q2', '56', '1000', 20, virksomhet), figures('2024-Q2', '61', '1000', 20, virksomhet)], '2024-Q2')).toEqual({
      ok: false,
      reason: 'LEVEL_WITHOUT_TREND',
    });
  });
});
