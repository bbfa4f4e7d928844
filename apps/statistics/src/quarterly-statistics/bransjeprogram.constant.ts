/**
 * The bransjeprogram industries of IA-avtalen 2019–2024 (handbook §7.1) and the SN2007 næringskoder that make up
 * each. Exported as data because employers asked to see which codes form a bransje (seed 004 l.110–113).
 *
 * Source: navikt/ia-felles, `ia.felles.definisjoner.bransjer.Bransje` (SN2007 lists, "hentet fra
 * arbeidsmiljøportalen"), read 2026-11-23; it matches the handbook's table and navikt/pia-sykefravarsstatistikk.
 * SYKEHUS leaves out 86.103; TRANSPORT is passenger transport (rail 49.100, scheduled bus 49.311/49.312, other
 * passenger land transport 49.391/49.392): goods transport by road (49.410) is not in the programme. SN2025 replaces
 * these codes (ia-felles lists both); this table follows the SN2007 codes our register events carry. The petroleum
 * supplier industry has no NACE mapping (§7.1) and is not here.
 */
export const BRANSJER = ['BARNEHAGER', 'NAERINGSMIDDELINDUSTRI', 'SYKEHUS', 'SYKEHJEM', 'TRANSPORT', 'BYGG', 'ANLEGG'] as const;
export type Bransje = (typeof BRANSJER)[number];

export interface BransjeDefinition {
  readonly bransje: Bransje;
  readonly navn: string;
  /** Whole two-digit næringer in the bransje. */
  readonly naeringer: readonly string[];
  /** Single five-digit næringskoder ('NN.NNN', as the register writes them). */
  readonly naeringskoder: readonly string[];
}

export const BRANSJEPROGRAM: readonly BransjeDefinition[] = [
  { bransje: 'BARNEHAGER', navn: 'Barnehager', naeringer: [], naeringskoder: ['88.911'] },
  { bransje: 'NAERINGSMIDDELINDUSTRI', navn: 'Næringsmiddelindustri', naeringer: ['10'], naeringskoder: [] },
  { bransje: 'SYKEHUS', navn: 'Sykehus', naeringer: [], naeringskoder: ['86.101', '86.102', '86.104', '86.105', '86.106', '86.107'] },
  { bransje: 'SYKEHJEM', navn: 'Sykehjem', naeringer: [], naeringskoder: ['87.101', '87.102'] },
  { bransje: 'TRANSPORT', navn: 'Transport', naeringer: [], naeringskoder: ['49.100', '49.311', '49.312', '49.391', '49.392'] },
  { bransje: 'BYGG', navn: 'Bygg', naeringer: ['41'], naeringskoder: [] },
  { bransje: 'ANLEGG', navn: 'Anlegg', naeringer: ['42'], naeringskoder: [] },
];

/** The two-digit næring of a five-digit næringskode: '86.101' → '86'. */
export function naering2Of(naeringskode: string): string {
  if (!/^\d{2}\.\d{3}$/.test(naeringskode)) throw new RangeError(`Not a næringskode (NN.NNN): '${naeringskode}'`);
  return naeringskode.slice(0, 2);
}

/** The bransje a næringskode belongs to, or null outside the programme (benchmarks then use the næring, §7.1). */
export function bransjeOf(naeringskode: string): Bransje | null {
  const naering = naering2Of(naeringskode);
  return (
    BRANSJEPROGRAM.find((definition) => definition.naeringskoder.includes(naeringskode) || definition.naeringer.includes(naering))?.bransje ?? null
  );
}
