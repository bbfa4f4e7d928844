/**
 * Handbook §10.3: a figure resting on fewer than five persons is never shown. A count rests on the persons
 * it counts; a share or a set of stage counts rests on the population it is taken of (as §9.1 masks a
 * quarter on its antallPersoner, not on how many of them were sick). Exactly five is shown.
 */
export const MIN_PERSONS_SHOWN = 5;

export function restsOnTooFew(persons: number): boolean {
  return persons < MIN_PERSONS_SHOWN;
}

