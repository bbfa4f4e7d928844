import { BRANSJEPROGRAM, BRANSJER, bransjeOf, naering2Of } from './bransjeprogram.constant';

describe('bransjeprogram (§7.1)', () => {
  it.each([
    ['88.911', 'BARNEHAGER'],
    ['10.110', 'NAERINGSMIDDELINDUSTRI'],
    ['86.101', 'SYKEHUS'],
    ['86.107', 'SYKEHUS'],
    ['87.101', 'SYKEHJEM'],
    ['87.102', 'SYKEHJEM'],
    ['49.100', 'TRANSPORT'],
    ['49.311', 'TRANSPORT'],
    ['49.392', 'TRANSPORT'],
    ['41.200', 'BYGG'],
    ['42.110', 'ANLEGG'],
  ])('puts %s in %s', (naeringskode, bransje) => {
    expect(bransjeOf(naeringskode)).toBe(bransje);
  });

  it.each(['86.103', '87.301', '88.912', '49.410', '43.210', '62.010'])('leaves %s outside the programme', (naeringskode) => {
    expect(bransjeOf(naeringskode)).toBeNull();
  });

  it('publishes every bransje once, with the codes that make it up', () => {
    expect(BRANSJEPROGRAM.map((definition) => definition.bransje)).toEqual([...BRANSJER]);
    expect(BRANSJEPROGRAM.find((definition) => definition.bransje === 'SYKEHJEM')).toEqual({
      bransje: 'SYKEHJEM',
      navn: 'Sykehjem',
      naeringer: [],
      naeringskoder: ['87.101', '87.102'],
    });
    for (const { naeringer, naeringskoder } of BRANSJEPROGRAM) {
      naeringer.forEach((naering) => expect(naering).toMatch(/^\d{2}$/));
      naeringskoder.forEach((kode) => expect(kode).toMatch(/^\d{2}\.\d{3}$/));
    }
  });

  it('lays every bransje inside one næring, which the difference rules rely on', () => {
    for (const { naeringer, naeringskoder } of BRANSJEPROGRAM) {
      expect(new Set([...naeringer, ...naeringskoder.map(naering2Of)]).size).toBe(1);
    }
  });

  it('takes the næring from the first two digits and rejects other shapes', () => {
    expect(naering2Of('86.101')).toBe('86');
    expect(() => naering2Of('86101')).toThrow(RangeError);
  });
});
