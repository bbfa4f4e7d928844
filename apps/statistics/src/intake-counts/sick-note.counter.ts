import { Injectable } from '@nestjs/common';
import type { SickNoteReceived } from '@syfo/contracts';
import { quarterOf } from '@syfo/local-date';
import type { EntityManager } from 'typeorm';

/**
 * Counts sick notes per employer and quarter: a new note adds one, a withdrawn one takes it away, a correction
 * changes nothing. Nothing about the person is kept. A counter, so it is only right if every event is applied
 * exactly once: it runs inside the statistics group's one sick-note handler (quarterly-statistics.handlers.ts), in
 * the transaction that records the event in the inbox.
 */
@Injectable()
export class SickNoteCounter {
  public async count(note: SickNoteReceived, manager: EntityManager): Promise<void> {
    const change = note.cancelled ? -1 : note.version === 1 ? 1 : 0;
    if (change === 0) return;
    const firstFom = note.periods.reduce((min, period) => (period.fom < min ? period.fom : min), note.periods[0]!.fom);
    await manager.query(
      `INSERT INTO intake_count (orgnr, quarter, sick_notes) VALUES ($1, $2, $3)
       ON CONFLICT (orgnr, quarter) DO UPDATE SET sick_notes = intake_count.sick_notes + EXCLUDED.sick_notes`,
      [note.orgnr ?? '', quarterOf(firstFom), change],
    );
  }
}
