import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { contentHash } from './content-hash.util';
import { Document } from './document.entity';

/** A version as it arrives; the diagnosis travels apart from the body, to its own columns. */
export type IncomingDocument = Readonly<Pick<Document, 'kind' | 'sourceSystem' | 'sourceId' | 'personIdent' | 'orgnr' | 'body' | 'sentAt' | 'receivedAt'>> & {
  readonly diagnosis?: { readonly system: string; readonly code: string } | undefined;
};

/**
 * created / corrected: the document's current version is new. duplicate: this content was seen
 * before. outdated: a version the sender dated before the current one, kept in the history only.
 * cancelled: it arrived after its own cancellation, and is stored withdrawn.
 */
export type StoreOutcome = 'created' | 'corrected' | 'duplicate' | 'outdated' | 'cancelled';

export interface StoredDocument {
  readonly document: Document;
  readonly outcome: StoreOutcome;
}

type DocumentKey = Readonly<Pick<Document, 'kind' | 'sourceSystem' | 'sourceId'>>;

/**
 * Documents keyed by (kind, source system, source id). Content seen before changes nothing; new
 * content is the next version, and becomes current unless the sender dated it before the current
 * one. A document cannot move to another person: that would silently rewrite two people's histories.
 */
@Injectable()
export class DocumentsRepository {
  public async store(manager: EntityManager, incoming: IncomingDocument): Promise<StoredDocument> {
    const hash = contentHash({ body: incoming.body, orgnr: incoming.orgnr, diagnosis: incoming.diagnosis, personIdent: incoming.personIdent });
    const id = randomUUID();
    // One statement for a new document: its first version, and a cancellation that came before it (a pending
    // cancellation exists only for a document not yet received, so it goes only where the insert succeeds).
    const [created]: { cancelled_at: Date | null }[] = await manager.query(
      `WITH pending AS (
         DELETE FROM document_cancellation WHERE kind = $2 AND source_system = $3 AND source_id = $4 RETURNING cancelled_at
       ), created AS (
         INSERT INTO document (id, kind, source_system, source_id, person_ident, orgnr, version, content_hash, body, diagnosis_system, diagnosis_code, sent_at, received_at, cancelled_at)
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9, $10, $11, $12, (SELECT cancelled_at FROM pending))
         ON CONFLICT (kind, source_system, source_id) DO NOTHING RETURNING id, cancelled_at
       ), first_version AS (
         INSERT INTO document_version (document_id, version, content_hash, body, orgnr, sent_at, received_at) SELECT id, 1, $7, $8, $6, $11, $12 FROM created
       )
       SELECT cancelled_at FROM created`,
      [id, incoming.kind, incoming.sourceSystem, incoming.sourceId, incoming.personIdent, incoming.orgnr, hash, incoming.body, incoming.diagnosis?.system ?? null, incoming.diagnosis?.code ?? null, incoming.sentAt, incoming.receivedAt],
    );
    if (created) {
      const cancelledAt = created.cancelled_at;
      // Every column was written just now, so the row is known without reading it back.
      return { document: this.current(incoming, { id, version: 1, contentHash: hash, cancelledAt }), outcome: cancelledAt ? 'cancelled' : 'created' };
    }
    const existing = (await this.lockByKey(manager, incoming))!;
    if (existing.personIdent !== incoming.personIdent) throw new DocumentConflictError('personIdent', 'document.person_unchanged', 'must be the person the document was first sent for');
    // Consumers key a virksomhet by its orgnr: moving it would leave the old orgnr live, with nothing to withdraw it.
    if (existing.kind === 'VIRKSOMHET' && existing.orgnr !== incoming.orgnr) throw new DocumentConflictError('orgnr', 'document.virksomhet_unchanged', 'must be the virksomhet the document was first sent for');
    const [seen]: { version: number; known: boolean }[] = await manager.query(
      'SELECT max(version)::int AS version, coalesce(bool_or(content_hash = $2), false) AS known FROM document_version WHERE document_id = $1',
      [existing.id, hash],
    );
    if (seen!.known) return { document: existing, outcome: 'duplicate' };

    const version = seen!.version + 1;
    await this.addVersion(manager, existing.id, version, hash, incoming);
    if (incoming.sentAt && existing.sentAt && incoming.sentAt < existing.sentAt) return { document: existing, outcome: 'outdated' };
    await manager.query(
      `UPDATE document SET version = $2, content_hash = $3, body = $4, orgnr = $5, diagnosis_system = $6, diagnosis_code = $7, sent_at = $8, received_at = $9 WHERE id = $1`,
      [existing.id, version, hash, incoming.body, incoming.orgnr, incoming.diagnosis?.system ?? null, incoming.diagnosis?.code ?? null, incoming.sentAt, incoming.receivedAt],
    );
    return { document: this.current(incoming, { id: existing.id, version, contentHash: hash, cancelledAt: existing.cancelledAt }), outcome: 'corrected' };
  }

  /**
   * Marks a document withdrawn. When it has not arrived yet, the cancellation is kept until it
   * does, and undefined is returned.
   */
  public async cancel(manager: EntityManager, key: DocumentKey & { reason: string }, at: Date): Promise<{ document: Document; alreadyCancelled: boolean } | undefined> {
    const document = await this.lockByKey(manager, key);
    if (!document) {
      await manager.query(
        'INSERT INTO document_cancellation (kind, source_system, source_id, reason, cancelled_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [key.kind, key.sourceSystem, key.sourceId, key.reason, at],
      );
      return undefined;
    }
    if (document.cancelledAt) return { document, alreadyCancelled: true };
    await manager.query('UPDATE document SET cancelled_at = $2 WHERE id = $1', [document.id, at]);
    return { document: { ...document, cancelledAt: at }, alreadyCancelled: false };
  }

  private async lockByKey(manager: EntityManager, key: DocumentKey): Promise<Document | null> {
    return manager
      .getRepository(Document)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.kind = :kind AND d.sourceSystem = :sourceSystem AND d.sourceId = :sourceId', { kind: key.kind, sourceSystem: key.sourceSystem, sourceId: key.sourceId })
      .getOne();
  }

  private current(incoming: IncomingDocument, stored: Pick<Document, 'id' | 'version' | 'contentHash' | 'cancelledAt'>): Document {
    const { kind, sourceSystem, sourceId, personIdent, orgnr, body, sentAt, receivedAt, diagnosis } = incoming;
    return Object.assign(new Document(), {
      ...stored,
      kind,
      sourceSystem,
      sourceId,
      personIdent,
      orgnr,
      body,
      diagnosisSystem: diagnosis?.system ?? null,
      diagnosisCode: diagnosis?.code ?? null,
      sentAt,
      receivedAt,
    });
  }

  private async addVersion(manager: EntityManager, documentId: string, version: number, hash: string, incoming: IncomingDocument): Promise<void> {
    await manager.query('INSERT INTO document_version (document_id, version, content_hash, body, orgnr, sent_at, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      documentId,
      version,
      hash,
      incoming.body,
      incoming.orgnr,
      incoming.sentAt,
      incoming.receivedAt,
    ]);
  }
}

export class DocumentConflictError extends Error {
  public constructor(
    public readonly field: string,
    public readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentConflictError';
  }
}
