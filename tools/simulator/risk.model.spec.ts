import type { Sektor } from '@syfo/contracts';

import type { IndustryKey } from './industries.table';
import { fitRiskModel, MODEL_TARGETS, type CellExposure } from './risk.model';
import type { Gender } from './synthetic-ids';

/**
 * A confounded toy workforce: nursing homes are mostly women and municipal, IT mostly men and
 * private, and the units' own levels differ by cell.
 */
const CELLS: CellExposure[] = [
  { industry: 'nursing-homes', sektor: 'KOMMUNAL', gender: 'F', exposure: 800, unitLevel: 1.1 },
  { industry: 'nursing-homes', sektor: 'KOMMUNAL', gender: 'M', exposure: 150, unitLevel: 1 },
  { industry: 'nursing-homes', sektor: 'PRIVAT', gender: 'F', exposure: 200, unitLevel: 0.9 },
  { industry: 'nursing-homes', sektor: 'PRIVAT', gender: 'M', exposure: 30, unitLevel: 1 },
  { industry: 'it', sektor: 'PRIVAT', gender: 'F', exposure: 250, unitLevel: 1 },
  { industry: 'it', sektor: 'PRIVAT', gender: 'M', exposure: 700, unitLevel: 1.2 },
  { industry: 'it', sektor: 'STATLIG', gender: 'M', exposure: 60, unitLevel: 1 },
  { industry: 'trade', sektor: 'PRIVAT', gender: 'F', exposure: 900, unitLevel: 1 },
  { industry: 'trade', sektor: 'PRIVAT', gender: 'M', exposure: 1000, unitLevel: 0.95 },
  { industry: 'public-admin', sektor: 'STATLIG', gender: 'F', exposure: 300, unitLevel: 1 },
  { industry: 'public-admin', sektor: 'STATLIG', gender: 'M', exposure: 250, unitLevel: 1 },
  { industry: 'public-admin', sektor: 'KOMMUNAL', gender: 'F', exposure: 400, unitLevel: 1 },
  { industry: 'public-admin', sektor: 'KOMMUNAL', gender: 'M', exposure: 300, unitLevel: 1.05 },
];

/** Relative rate of a margin: exposure-weighted mean of risk × unit level. */
function marginRate(model: ReturnType<typeof fitRiskModel>, selects: (cell: CellExposure) => boolean): number {
  const cells = CELLS.filter(selects);
  const weighted = cells.reduce((sum, cell) => sum + cell.exposure * cell.unitLevel * model.relativeRisk(cell.industry, cell.sektor, cell.gender), 0);
  return weighted / cells.reduce((sum, cell) => sum + cell.exposure, 0);
}

describe('fitRiskModel', () => {
  const model = fitRiskModel(CELLS);
  const gender = (value: Gender) => marginRate(model, (cell) => cell.gender === value);
  const sector = (value: Sektor) => marginRate(model, (cell) => cell.sektor === value);
  const industry = (value: IndustryKey) => marginRate(model, (cell) => cell.industry === value);

  it('averages to exactly 1 over the whole population', () => {
    expect(marginRate(model, () => true)).toBeCloseTo(1, 8);
  });

  it('reproduces the women/men ratio and the sector ratios despite the confounding', () => {
    expect(gender('F') / gender('M')).toBeCloseTo(MODEL_TARGETS.womenToMen, 6);
    expect(sector('KOMMUNAL') / sector('PRIVAT')).toBeCloseTo(1.45, 6);
    expect(sector('STATLIG') / sector('PRIVAT')).toBeCloseTo(1.0, 6);
  });

  it('holds calibration-group industries at their index and scales the others to make up the whole', () => {
    expect(industry('nursing-homes')).toBeCloseTo(1.7, 6);
    expect(industry('it')).toBeCloseTo(0.5, 6);
    // Trade (0.95) and public administration (0.95) share one scale factor, so their ratio stays 1.
    expect(industry('trade') / industry('public-admin')).toBeCloseTo(1, 6);
  });

  it('scales every industry alike when the calibration groups leave the others no room (a tiny sample)', () => {
    // 1.7 × 900 exceeds the whole 950: trade would need a negative rate. Instead both keep their table ratio.
    const tiny: CellExposure[] = [
      { industry: 'nursing-homes', sektor: 'KOMMUNAL', gender: 'F', exposure: 900, unitLevel: 1 },
      { industry: 'trade', sektor: 'PRIVAT', gender: 'M', exposure: 50, unitLevel: 1 },
    ];
    const fitted = fitRiskModel(tiny);
    const nursing = fitted.relativeRisk('nursing-homes', 'KOMMUNAL', 'F');
    const trade = fitted.relativeRisk('trade', 'PRIVAT', 'M');
    expect(trade).toBeGreaterThan(0);
    expect(nursing / trade).toBeCloseTo(1.7 / 0.95, 6);
    expect((900 * nursing + 50 * trade) / 950).toBeCloseTo(1, 6);
  });

  it('refuses a cell it was not fitted to, and an empty population', () => {
    expect(() => model.relativeRisk('finance', 'PRIVAT', 'F')).toThrow(RangeError);
    expect(() => fitRiskModel([])).toThrow(RangeError);
  });
});
