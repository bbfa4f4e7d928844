import { Injectable } from '@nestjs/common';
import { SickNoteReceivedEvent, type SickNoteReceived } from '@syfo/contracts';
import { quarterOf } from '@syfo/local-date';
import { Consumes, type EventHandler } from '@syfo/platform';
import type { EntityManager } from 'typeorm';

/**
 * Counts sick notes per employer and quarter: a new note adds one, a withdrawn one takes it away,
 * a correction changes nothing. Nothing about the person is kept.
 */
@Injectable()
@Consumes('statistics.intake-events')
export class SickNoteCounterHandler implements EventHandler<typeof SickNoteReceivedEvent> {
  public readonly event = SickNoteReceivedEvent;

  public async handle(note: SickNoteReceived, _envelope: unknown, manager: EntityManager): Promise<void> {
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
