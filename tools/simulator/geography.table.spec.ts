import { REGIONS } from '@syfo/contracts';

import { employmentShare, kommune, KOMMUNER, kommunerIn } from './geography.table';

describe('geography table', () => {
  it('has every kommune once, as a four-digit number inside its fylke', () => {
    expect(new Set(KOMMUNER.map((entry) => entry.kommunenummer)).size).toBe(KOMMUNER.length);
    for (const entry of KOMMUNER) {
      expect(entry.kommunenummer).toMatch(/^\d{4}$/);
      expect(entry.kommunenummer.startsWith(entry.fylke)).toBe(true);
      expect(entry.weight).toBeGreaterThan(0);
    }
    // The 2024 structure has 357 kommuner.
    expect(KOMMUNER).toHaveLength(357);
  });

  it('puts every NAV region on the map, Asker and Bærum in Vest-Viken (§1.4)', () => {
    for (const region of REGIONS) expect(kommunerIn(region).length).toBeGreaterThan(0);
    expect(kommune('3203').region).toBe('vest-viken');
    expect(kommune('3201').region).toBe('vest-viken');
    expect(kommune('3205').region).toBe('ost-viken');
    expect(kommune('0301').region).toBe('oslo');
    expect(() => kommune('9999')).toThrow(RangeError);
  });

  it('shares the country between the regions, Oslo at about a sixth of all jobs', () => {
    const total = REGIONS.reduce((sum, region) => sum + employmentShare(region), 0);
    expect(total).toBeCloseTo(1, 10);
    expect(employmentShare('country')).toBe(1);
    expect(employmentShare('oslo')).toBeGreaterThan(0.15);
    expect(employmentShare('oslo')).toBeLessThan(0.2);
  });
});
