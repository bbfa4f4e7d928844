import { SickNoteSubmissionSchema } from '@syfo/contracts';
import { syntheticOrgnr, syntheticPersonIdent } from '@syfo/testing';

import { LIVE_SOURCE_SYSTEM, liveNotesPerTick, livePerson, liveSickNote, type LivePerson } from './demo-live';
import type { FeedItem } from '../simulator/feed-item';
import type { Establishment, SyntheticPerson } from '../simulator/population.generator';

const persons: LivePerson[] = [
  { ident: syntheticPersonIdent(1), orgnr: syntheticOrgnr(1), gpHpr: '903301042' },
  { ident: syntheticPersonIdent(2), orgnr: undefined, gpHpr: '903301043' },
];
const DAY = '2026-11-23';
const submission = (item: FeedItem) => {
  if (item.kind !== 'sick-note') throw new Error(`not a sick note: ${item.kind}`);
  return item.submission;
};

describe('liveNotesPerTick', () => {
  it('is 1–3, the same for the same tick, and every count occurs', () => {
    const counts = Array.from({ length: 60 }, (_, n) => liveNotesPerTick(1, DAY, n));
    expect(new Set(counts)).toEqual(new Set([1, 2, 3]));
    expect(Array.from({ length: 60 }, (_, n) => liveNotesPerTick(1, DAY, n))).toEqual(counts);
  });
});

describe('liveSickNote', () => {
  const notes = Array.from({ length: 40 }, (_, n) => liveSickNote(persons, 1, DAY, n, '2026-11-23T10:15:00.000Z'));

  it('is a valid sick note by the inbound contract, starting today, sent now', () => {
    for (const note of notes) {
      expect(() => SickNoteSubmissionSchema.parse(submission(note))).not.toThrow();
      expect(note.at).toBe('2026-11-23T10:15:00.000Z');
      expect(submission(note)).toMatchObject({ sourceSystem: LIVE_SOURCE_SYSTEM, issuedOn: DAY, sentAt: '2026-11-23T10:15:00.000Z' });
      expect(submission(note).periods[0]!.fom).toBe(DAY);
      // 7, 14 or 21 days: tom is 29 Nov, 6 Dec or 13 Dec.
      expect(['2026-11-29', '2026-12-06', '2026-12-13']).toContain(submission(note).periods[0]!.tom);
    }
  });

  it('goes to the employer when the person has one, and is confirmed without one otherwise', () => {
    for (const note of notes.map(submission)) {
      if (note.personIdent === persons[0]!.ident) expect(note).toMatchObject({ status: 'SENDT', orgnr: persons[0]!.orgnr, issuerHpr: '903301042' });
      else expect(note).toMatchObject({ status: 'BEKREFTET', orgnr: undefined, issuerHpr: '903301043' });
    }
    expect(new Set(notes.map((note) => submission(note).status))).toEqual(new Set(['SENDT', 'BEKREFTET']));
  });

  it('is the same note for the same day and number whenever it is sent, so a restart sends duplicates', () => {
    const again = liveSickNote(persons, 1, DAY, 7, '2026-11-23T16:00:00.000Z');
    const { sentAt: _first, ...first } = submission(notes[7]!);
    const { sentAt: _second, ...second } = submission(again);
    expect(second).toEqual(first);
    expect(first.sourceId).toBe('s1d2026-11-23n7');
    expect(new Set(notes.map((note) => submission(note).sourceId)).size).toBe(40);
  });
});

describe('livePerson', () => {
  it("takes the main job's establishment", () => {
    const at = (orgnr: string) => ({ orgnr }) as Establishment;
    const person = { ident: syntheticPersonIdent(3), gpHpr: '903301044', employments: [{ establishment: at('910000001') }, { establishment: at('910000002') }] } as unknown as SyntheticPerson;
    expect(livePerson(person)).toEqual({ ident: syntheticPersonIdent(3), orgnr: '910000001', gpHpr: '903301044' });
    expect(livePerson({ ...person, employments: [] }).orgnr).toBeUndefined();
  });
});
