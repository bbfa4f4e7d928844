import { REGIONS } from '../events/region.schema';
import { FYLKER, fylkeOf, navRegionOf, REGION_OF_FYLKE } from './nav-region';

describe('kommune → fylke → NAV region', () => {
  it.each([
    ['0301', '03', 'oslo'],
    ['4601', '46', 'vestland'],
    ['5001', '50', 'trondelag'],
    ['5501', '55', 'troms-og-finnmark'],
    ['5601', '56', 'troms-og-finnmark'],
    ['3901', '39', 'vestfold-og-telemark'],
    ['4001', '40', 'vestfold-og-telemark'],
    ['3101', '31', 'ost-viken'],
    ['3301', '33', 'vest-viken'],
    ['3201', '32', 'vest-viken'], // Bærum
    ['3203', '32', 'vest-viken'], // Asker
    ['3205', '32', 'ost-viken'], // Lillestrøm
    ['3234', '32', 'innlandet'], // Lunner
    ['3236', '32', 'innlandet'], // Jevnaker
    ['3405', '34', 'innlandet'],
    ['4204', '42', 'agder'],
    ['1103', '11', 'rogaland'],
    ['1508', '15', 'more-og-romsdal'],
    ['1804', '18', 'nordland'],
  ])('%s lies in fylke %s, region %s', (kommune, fylke, region) => {
    expect(fylkeOf(kommune)).toBe(fylke);
    expect(navRegionOf(kommune)).toBe(region);
  });

  it.each(['3001', '3801', '5401', '2100'])('does not guess for %s, outside the 2024 county structure', (kommune) => {
    expect(fylkeOf(kommune)).toBeNull();
    expect(navRegionOf(kommune)).toBeNull();
  });

  it('maps every 2024 county and reaches each of the twelve regions', () => {
    expect(Object.keys(REGION_OF_FYLKE).sort()).toEqual(Object.keys(FYLKER).sort());
    expect(new Set(Object.values(REGION_OF_FYLKE))).toEqual(new Set(REGIONS));
  });

  it('rejects a malformed kommunenummer', () => {
    expect(() => fylkeOf('460')).toThrow(RangeError);
  });
});
