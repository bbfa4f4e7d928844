import { addDays, epochDay, type LocalDate } from '@syfo/local-date';

import type { FeedItem } from '../simulator/feed-item';
import type { SyntheticPerson } from '../simulator/population.generator';
import { SeededRandom } from '../simulator/seeded-random';

/** Live notes come from a sender of their own, so they never collide with the simulator's source ids. */
export const LIVE_SOURCE_SYSTEM = 'syfo-demo-live';
/** A random stream apart from the simulator's (1–4). */
const LIVE_STREAM = 0x11fe;
/** Every few seconds a tick: clocks to now, the simulation's documents that are due, and 1–3 new sick notes. */
export const LIVE_TICK_MS = 5_000;

/** What a live sick note needs of a person. */
export interface LivePerson {
  readonly ident: string;
  /** The main job's establishment; none for persons without an employer. */
  readonly orgnr: string | undefined;
  readonly gpHpr: string;
}

export function livePerson(person: SyntheticPerson): LivePerson {
  return { ident: person.ident, orgnr: person.employments[0]?.establishment.orgnr, gpHpr: person.gpHpr };
}

/** How many sick notes the tick that starts with the day's note number `n` sends: 1–3. */
export function liveNotesPerTick(seed: number, day: LocalDate, n: number): number {
  return SeededRandom.stream(seed, LIVE_STREAM, epochDay(day), n, 0).int(1, 3);
}

const NOTE_DAYS = [7, 14, 14, 14, 21] as const;
/** Frequent ICPC-2 codes: respiratory infections, back and neck, stress, sprains, fever. */
const DIAGNOSES = ['R74', 'R80', 'L03', 'L84', 'L81', 'P02', 'P74', 'A04'] as const;
const GRADED_SHARE = 0.2;

/**
 * The day's n-th live sick note: from the person's fastlege, starting today, sent to the employer
 * (or confirmed without one). Deterministic in (seed, day, n): a restart that numbers from 0 again
 * sends duplicates, since sentAt is no part of a note's content.
 */
export function liveSickNote(persons: readonly LivePerson[], seed: number, day: LocalDate, n: number, sentAt: string): FeedItem {
  const random = SeededRandom.stream(seed, LIVE_STREAM, epochDay(day), n, 1);
  const person = random.pick(persons);
  const tom = addDays(day, random.pick(NOTE_DAYS) - 1);
  const code = random.pick(DIAGNOSES);
  const period = random.chance(GRADED_SHARE) ? { fom: day, tom, type: 'GRADED' as const, grade: 50 } : { fom: day, tom, type: 'FULL' as const };
  return {
    kind: 'sick-note',
    at: sentAt,
    submission: {
      sourceSystem: LIVE_SOURCE_SYSTEM,
      sourceId: `s${seed}d${day}n${n}`,
      personIdent: person.ident,
      orgnr: person.orgnr,
      status: person.orgnr === undefined ? 'BEKREFTET' : 'SENDT',
      issuedOn: day,
      diagnosis: { system: 'ICPC2', code },
      periods: [period],
      issuerHpr: person.gpHpr,
      sentAt,
    },
  };
}
