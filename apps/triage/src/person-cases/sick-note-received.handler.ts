import { Injectable } from '@nestjs/common';
import { SickNoteReceivedEvent, type SickNoteReceived } from '@syfo/contracts';
import { Consumes, type EventHandler } from '@syfo/platform';
import type { EntityManager } from 'typeorm';

/**
 * Folds each new sick note into the person's case; the inbox guarantees each counts once. Corrections
 * and withdrawals wait for the tilfelle-based milestones (issue 4), which replace this read model.
 */
@Injectable()
@Consumes('triage.intake-events')
export class SickNoteReceivedHandler implements EventHandler<typeof SickNoteReceivedEvent> {
  public readonly event = SickNoteReceivedEvent;

  public async handle(note: SickNoteReceived, _envelope: unknown, manager: EntityManager): Promise<void> {
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
