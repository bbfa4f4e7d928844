import { Injectable } from '@nestjs/common';
import type { SickNoteReceived } from '@syfo/contracts';
import { quarterOf } from '@syfo/local-date';
import { deferredWrite, type DeferredWrite } from '@syfo/platform';
import type { EntityManager } from 'typeorm';

/**
 * Counts sick notes per employer and quarter: a new note adds one, a withdrawn one takes it away, a correction
 * changes nothing. Nothing about the person is kept. A counter, so it is only right if every event is applied
 * exactly once: it runs inside the statistics group's one sick-note handler (quarterly-statistics.handlers.ts), in
 * the transaction that records the event in the inbox. A transaction's changes are summed and written at its end, in
 * key order, so batches of different partitions counting for the same employer never deadlock.
 */
@Injectable()
export class SickNoteCounter {
  public count(note: SickNoteReceived, manager: EntityManager): void {
    const change = note.cancelled ? -1 : note.version === 1 ? 1 : 0;
    if (change === 0) return;
    const firstFom = note.periods.reduce((min, period) => (period.fom < min ? period.fom : min), note.periods[0]!.fom);
    deferredWrite(manager, 'statistics.intake-counts', () => new PendingCounts()).add(note.orgnr ?? '', quarterOf(firstFom), change);
  }
}

class PendingCounts implements DeferredWrite {
  private readonly changes = new Map<string, { orgnr: string; quarter: string; change: number }>();

  public add(orgnr: string, quarter: string, change: number): void {
    const key = `${orgnr}|${quarter}`;
    const held = this.changes.get(key);
    this.changes.set(key, { orgnr, quarter, change: (held?.change ?? 0) + change });
  }

  public async flush(manager: EntityManager): Promise<void> {
    const rows = [...this.changes.values()].filter((row) => row.change !== 0);
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO intake_count (orgnr, quarter, sick_notes)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]) AS c (orgnr, quarter, sick_notes) ORDER BY orgnr, quarter
       ON CONFLICT (orgnr, quarter) DO UPDATE SET sick_notes = intake_count.sick_notes + EXCLUDED.sick_notes`,
      [rows.map((row) => row.orgnr), rows.map((row) => row.quarter), rows.map((row) => row.change)],
    );
  }
}
