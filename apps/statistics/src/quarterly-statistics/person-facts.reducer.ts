import type { ArbeidsforholdFact, PersonFacts, SickNoteFact, TilfelleFact } from './dagsverk.calculator';
import { supersedes } from './document-version.util';

/**
 * A person's facts as case-intake's events leave them, folded one event at a time. After each event the person's
 * contributions are computed again from the whole state (dagsverk.calculator.ts), so the order and lateness of
 * corrections and cancellations never matter beyond what these rules say.
 */
export interface PersonFactsState extends PersonFacts {
  /** The revision of the tilfelle list held (0: none yet). */
  readonly tilfelleRevision: number;
}

export const EMPTY_PERSON_FACTS: PersonFactsState = { arbeidsforhold: [], sickNotes: [], tilfeller: [], tilfelleRevision: 0 };

/**
 * The latest message per arbeidsforholdId wins, a cancellation included (it stays, so the calculator skips it). The
 * event carries no version, so arrival order is all there is to go by.
 */
export function applyArbeidsforhold(state: PersonFactsState, fact: ArbeidsforholdFact): PersonFactsState {
  return { ...state, arbeidsforhold: [...state.arbeidsforhold.filter((held) => held.arbeidsforholdId !== fact.arbeidsforholdId), fact] };
}

/**
 * The highest version per sickNoteId wins, cancelled or not; a lower version (a correction overtaken by a later one)
 * or the same message again changes nothing. case-intake withdraws a note without raising its version, so at an equal
 * version the cancellation wins (`supersedes`).
 */
export function applySickNote(state: PersonFactsState, note: SickNoteFact): PersonFactsState {
  const held = state.sickNotes.find((candidate) => candidate.sickNoteId === note.sickNoteId);
  if (held && !supersedes(note, held)) return state;
  return { ...state, sickNotes: [...state.sickNotes.filter((candidate) => candidate.sickNoteId !== note.sickNoteId), note] };
}

/** The whole list is replaced (never a delta), unless the event is older than the list held. */
export function applyTilfeller(state: PersonFactsState, tilfeller: readonly TilfelleFact[], revision: number): PersonFactsState {
  if (revision <= state.tilfelleRevision) return state;
  return { ...state, tilfeller, tilfelleRevision: revision };
}
