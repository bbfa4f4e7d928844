import type { CalibrationReport, CalibrationRow } from './calibration';
import { toleranceBounds } from './calibration';
import { compareWithService, sickLeavePercent, sumDecimals, type ServiceFigures, type ServiceQuarter } from './statistics-check';

const row = (target: string, value: number, standardError: number, ok: boolean | undefined = true): CalibrationRow => ({ target, published: '', simulated: '', tolerance: '', ok, value, standardError });

/** A one-year report: national 5.40 % (SE 0.01), seasonal indices near the targets, sektor ratios 1.44 and 1.00. */
function report(overrides: Partial<Record<string, CalibrationRow>> = {}): CalibrationReport {
  const rows = [
    row('sick-leave %, all years', 5.4, 0.01),
    row('sick-leave % 2024', 5.4, 0, undefined),
    row('seasonal index Q1', 1.1, 0.005),
    row('seasonal index Q2', 0.99, 0.005),
    row('seasonal index Q3', 0.87, 0.005),
    row('seasonal index Q4', 1.05, 0.005),
    row('municipal / private', 1.44, 0.02),
    row('state / private', 1.0, 0.03),
  ].map((candidate) => overrides[candidate.target] ?? candidate);
  return { rows, ok: true };
}

const quarters = (tapte: readonly string[], mulige = '100.0'): ServiceQuarter[] => tapte.map((value, q) => ({ quarter: `2024-Q${q + 1}`, masked: false, tapteDagsverk: value, muligeDagsverk: mulige }));

// LAND: tapte 5.94 + 5.346 + 4.698 + 5.67 = 21.654 of 400 mulige = 5.4135 %; indices 1.097, 0.988, 0.868, 1.047.
const LAND = quarters(['5.94', '5.346', '4.698', '5.67']);
const SEKTOR: ServiceFigures['sektor'] = { KOMMUNAL: quarters(['7.2', '7.2', '7.2', '7.2']), PRIVAT: quarters(['5', '5', '5', '5']), STATLIG: quarters(['5', '5', '5', '5']) };

describe('sumDecimals', () => {
  it('sums decimal texts exactly, without binary rounding', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['12', '0.005', '3.25'])).toBe('15.255');
    expect(sumDecimals(['7'])).toBe('7');
  });

  it('refuses text that is not a decimal', () => {
    expect(() => sumDecimals(['1e3'])).toThrow(RangeError);
  });
});

describe('sickLeavePercent (§9.1: sum tapte / sum mulige)', () => {
  it('divides once over the chosen quarters', () => {
    expect(sickLeavePercent(LAND, ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'])).toBeCloseTo(5.4135, 10);
    expect(sickLeavePercent(LAND, ['2024-Q3'])).toBeCloseTo(4.698, 10);
  });

  it('has no value when a quarter is masked or missing', () => {
    expect(sickLeavePercent([{ quarter: '2024-Q1', masked: true }], ['2024-Q1'])).toBeNaN();
    expect(sickLeavePercent(LAND, ['2023-Q4'])).toBeNaN();
  });
});

describe('toleranceBounds (calibration.ts: never tighter than 3 standard errors)', () => {
  const check = { kind: 'range', low: 5.2, high: 5.6, margin: 0.1 } as const;

  it('keeps the margin while 3 SE are smaller', () => {
    const bounds = toleranceBounds(check, 0.03);
    expect(bounds.low).toBeCloseTo(5.1, 12);
    expect(bounds.high).toBeCloseTo(5.7, 12);
    expect(bounds.widened).toBe(false);
  });

  it('widens to 3 SE for a small sample', () => {
    const bounds = toleranceBounds(check, 0.05);
    expect(bounds.low).toBeCloseTo(5.05, 12);
    expect(bounds.high).toBeCloseTo(5.75, 12);
    expect(bounds.widened).toBe(true);
  });

  it('centres an absolute check on the published value', () => {
    const bounds = toleranceBounds({ kind: 'absolute', published: 1.0, tolerance: 0.15 }, 0.06);
    expect(bounds.low).toBeCloseTo(0.82, 12);
    expect(bounds.high).toBeCloseTo(1.18, 12);
  });
});

describe('compareWithService', () => {
  it('passes every check when the service agrees with the simulator and the targets', () => {
    const result = compareWithService(report(), { land: LAND, sektor: SEKTOR }, [2024]);
    expect(result.rows.map((candidate) => [candidate.target, candidate.service, candidate.ok])).toEqual([
      ['sick-leave % 2024', '5.41', true],
      ['seasonal index Q1', '1.097', true],
      ['seasonal index Q2', '0.988', true],
      ['seasonal index Q3', '0.868', true],
      ['seasonal index Q4', '1.047', true],
      ['municipal / private', '1.440', true],
      ['state / private', '1.000', true],
    ]);
    expect(result.ok).toBe(true);
  });

  it('holds the national figure to 0.2 pp of the simulator: 5.60 against 5.40 passes, 5.61 fails though inside the target range', () => {
    // 22.4 / 400 = 5.60 %; 22.44 / 400 = 5.61 %.
    const at = compareWithService(report(), { land: quarters(['5.6', '5.6', '5.6', '5.6']), sektor: SEKTOR }, [2024]);
    expect(at.rows[0]).toMatchObject({ service: '5.60', ok: true });
    const beyond = compareWithService(report(), { land: quarters(['5.61', '5.61', '5.61', '5.61']), sektor: SEKTOR }, [2024]);
    expect(beyond.rows[0]).toMatchObject({ service: '5.61', ok: false, reason: 'service more than 0.2 pp from simulator' });
    expect(beyond.ok).toBe(false);
  });

  it('fails a ratio whose sektor figures are masked', () => {
    const result = compareWithService(report(), { land: LAND, sektor: { ...SEKTOR, STATLIG: [{ quarter: '2024-Q1', masked: true }] } }, [2024]);
    expect(result.rows.find((candidate) => candidate.target === 'state / private')).toMatchObject({ service: 'n/a (masked or missing)', ok: false });
  });

  it('fails a service value outside the target even when the simulator is inside', () => {
    // PRIVAT 4.0 % makes state / private 1.25, beyond 1.0 ± 0.15.
    const result = compareWithService(report(), { land: LAND, sektor: { ...SEKTOR, PRIVAT: quarters(['4', '4', '4', '4']) } }, [2024]);
    expect(result.rows.find((candidate) => candidate.target === 'state / private')).toMatchObject({ service: '1.250', ok: false, reason: 'service outside tolerance' });
  });

  it('refuses bounds that contradict the verdict calibration.ts gave the simulator', () => {
    expect(() => compareWithService(report({ 'state / private': row('state / private', 1.0, 0.03, false) }), { land: LAND, sektor: SEKTOR }, [2024])).toThrow(/disagrees with calibration.ts/);
  });
});
