import { Injectable } from '@nestjs/common';
import { SickNoteReceivedEvent, type SickNoteReceived } from '@syfo/contracts';
import { Consumes, type EventHandler } from '@syfo/platform';
import type { EntityManager } from 'typeorm';

/**
 * Triage's one consumer of sick notes. It keeps each note's latest periods (screening reads the grade on
 * its trigger day; every version and withdrawal counts) and folds new notes into the person's case
 * summary; the inbox guarantees each event applies once.
 */
@Injectable()
@Consumes('triage.intake-events')
export class SickNoteReceivedHandler implements EventHandler<typeof SickNoteReceivedEvent> {
  public readonly event = SickNoteReceivedEvent;

  public async handle(note: SickNoteReceived, _envelope: unknown, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO person_sick_note (sick_note_id, person_ident, version, cancelled, orgnr, periods) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (sick_note_id) DO UPDATE SET version = EXCLUDED.version, cancelled = EXCLUDED.cancelled, orgnr = EXCLUDED.orgnr, periods = EXCLUDED.periods
       WHERE person_sick_note.version <= EXCLUDED.version`,
      [note.sickNoteId, note.personIdent, note.version, note.cancelled, note.orgnr, JSON.stringify(note.periods)],
    );
    if (note.version !== 1 || note.cancelled) return;
    const fom = note.periods.reduce((min, period) => (period.fom < min ? period.fom : min), note.periods[0]!.fom);
    const tom = note.periods.reduce((max, period) => (period.tom > max ? period.tom : max), note.periods[0]!.tom);
    await manager.query(
      `INSERT INTO person_case (person_ident, sick_note_count, first_fom, last_tom, last_received_at)
       VALUES ($1, 1, $2, $3, $4)
       ON CONFLICT (person_ident) DO UPDATE SET
         sick_note_count  = person_case.sick_note_count + 1,
         first_fom        = LEAST(person_case.first_fom, EXCLUDED.first_fom),
         last_tom         = GREATEST(person_case.last_tom, EXCLUDED.last_tom),
         last_received_at = GREATEST(person_case.last_received_at, EXCLUDED.last_received_at)`,
      [note.personIdent, fom, tom, note.receivedAt],
    );
  }
}
