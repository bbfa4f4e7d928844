import { createHash, randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { SickNoteReceivedEvent, type SickNoteSubmission } from '@syfo/contracts';
import { CLOCK, DomainError, DomainErrorCode, type Clock, type OutboxTransaction } from '@syfo/platform';
import { DataSource } from 'typeorm';

import { SickNote } from './sick-note.entity';

export interface StoredSickNote {
  readonly sickNoteId: string;
  readonly duplicate: boolean;
}

@Injectable()
export class SickNotesService {
  public constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Stores a validated note and queues its event in the caller's transaction. The same note
   * delivered again is recognised by its source id and content, and changes nothing.
   */
  public async store(tx: OutboxTransaction, submission: SickNoteSubmission): Promise<StoredSickNote> {
    const contentHash = hashContent(submission);
    const receivedAt = this.clock.now();
    const id = randomUUID();
    const inserted: { id: string }[] = await tx.manager.query(
      `INSERT INTO sick_note (id, source_system, source_id, content_hash, person_ident, orgnr, status, issued_on, diagnosis_system, diagnosis_code, periods, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (source_system, source_id) DO NOTHING RETURNING id`,
      [
        id,
        submission.sourceSystem,
        submission.sourceId,
        contentHash,
        submission.personIdent,
        submission.orgnr ?? null,
        submission.status,
        submission.issuedOn,
        submission.diagnosis?.system ?? null,
        submission.diagnosis?.code ?? null,
        JSON.stringify(submission.periods),
        receivedAt,
      ],
    );
    if (inserted.length === 0) return this.existing(tx, submission, contentHash);

    await tx.publish(SickNoteReceivedEvent, {
      sickNoteId: id,
      personIdent: submission.personIdent,
      orgnr: submission.orgnr ?? null,
      status: submission.status,
      issuedOn: submission.issuedOn,
      periods: submission.periods,
      receivedAt: receivedAt.toISOString(),
    });
    return { sickNoteId: id, duplicate: false };
  }

  public async get(sickNoteId: string): Promise<SickNote> {
    const note = await this.dataSource.getRepository(SickNote).findOneBy({ id: sickNoteId });
    if (!note) throw new DomainError(DomainErrorCode.NotFound, 'no sick note with that id');
    return note;
  }

  private async existing(tx: OutboxTransaction, submission: SickNoteSubmission, contentHash: string): Promise<StoredSickNote> {
    const existing = await tx.manager.getRepository(SickNote).findOneByOrFail({ sourceSystem: submission.sourceSystem, sourceId: submission.sourceId });
    if (existing.contentHash !== contentHash) {
      throw new DomainError(DomainErrorCode.AlreadyExists, 'a different sick note with this source_system and source_id is already stored', [
        { field: 'sourceId', rule: 'sick_note.source_id_unique', message: 'is already used by a note with other content' },
      ]);
    }
    return { sickNoteId: existing.id, duplicate: true };
  }
}

/** Stable over key order, so the same note from two transports hashes the same. */
function hashContent(submission: SickNoteSubmission): string {
  return createHash('sha256').update(canonicalJson(submission)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
