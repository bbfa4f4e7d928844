/**
 * Varighet classes of handbook §9.1 (NAV's Varighetskategori A–F; X is the total): the length of the whole
 * sykefraværstilfelle a sick day belongs to, in calendar days from its first to its last day, both included.
 */
export const VARIGHETER = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Varighet = (typeof VARIGHETER)[number];

/** Korttid = A+B (up to 16 days, the arbeidsgiverperiode); langtid = C–F. */
export const KORTTID_VARIGHETER: readonly Varighet[] = ['A', 'B'];
export const LANGTID_VARIGHETER: readonly Varighet[] = ['C', 'D', 'E', 'F'];

// Upper bounds in days: 7 d, 16 d, 8 w, 20 w, 39 w; "8 weeks" closes C and opens D at day 57, and so on.
const UPPER_BOUNDS: readonly (readonly [Varighet, number])[] = [
  ['A', 7],
  ['B', 16],
  ['C', 8 * 7],
  ['D', 20 * 7],
  ['E', 39 * 7],
];

export function varighetOf(lengthInDays: number): Varighet {
  if (!Number.isSafeInteger(lengthInDays) || lengthInDays < 1) throw new RangeError(`Not a tilfelle length: ${lengthInDays}`);
  return UPPER_BOUNDS.find(([, upper]) => lengthInDays <= upper)?.[0] ?? 'F';
}
