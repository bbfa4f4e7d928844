import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { contentHash } from './content-hash.util';
import { Document, type DocumentKind } from './document.entity';

export interface IncomingDocument {
  readonly kind: DocumentKind;
  readonly sourceSystem: string;
  readonly sourceId: string;
  readonly personIdent: string;
  readonly orgnr: string | null;
  readonly body: Record<string, unknown>;
  readonly diagnosis?: { readonly system: string; readonly code: string } | undefined;
  readonly receivedAt: Date;
}

export type StoreOutcome = 'created' | 'corrected' | 'duplicate';

export interface StoredDocument {
  readonly document: Document;
  readonly outcome: StoreOutcome;
}

/**
 * Documents keyed by (kind, source system, source id). The same content again changes nothing;
 * different content is a correction and becomes the next version. A document cannot move to
 * another person: that would silently rewrite two people's histories.
 */
@Injectable()
export class DocumentsRepository {
  public async store(manager: EntityManager, incoming: IncomingDocument): Promise<StoredDocument> {
    const hash = contentHash({ body: incoming.body, orgnr: incoming.orgnr, diagnosis: incoming.diagnosis, personIdent: incoming.personIdent });
    const id = randomUUID();
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO document (id, kind, source_system, source_id, person_ident, orgnr, version, content_hash, body, diagnosis_system, diagnosis_code, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9, $10, $11)
       ON CONFLICT (kind, source_system, source_id) DO NOTHING RETURNING id`,
      [id, incoming.kind, incoming.sourceSystem, incoming.sourceId, incoming.personIdent, incoming.orgnr, hash, incoming.body, incoming.diagnosis?.system ?? null, incoming.diagnosis?.code ?? null, incoming.receivedAt],
    );
    if (inserted.length > 0) {
      await this.addVersion(manager, id, 1, hash, incoming);
      return { document: await manager.getRepository(Document).findOneByOrFail({ id }), outcome: 'created' };
    }
    const existing = await manager
      .getRepository(Document)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.kind = :kind AND d.sourceSystem = :sourceSystem AND d.sourceId = :sourceId', incoming)
      .getOneOrFail();
    if (existing.personIdent !== incoming.personIdent) throw new DocumentConflictError('personIdent', 'document.person_unchanged', 'must be the person the document was first sent for');
    if (existing.contentHash === hash && existing.cancelledAt === null) return { document: existing, outcome: 'duplicate' };

    const version = existing.version + 1;
    await manager.query(
      `UPDATE document SET version = $2, content_hash = $3, body = $4, orgnr = $5, diagnosis_system = $6, diagnosis_code = $7, received_at = $8, cancelled_at = NULL WHERE id = $1`,
      [existing.id, version, hash, incoming.body, incoming.orgnr, incoming.diagnosis?.system ?? null, incoming.diagnosis?.code ?? null, incoming.receivedAt],
    );
    await this.addVersion(manager, existing.id, version, hash, incoming);
    return { document: await manager.getRepository(Document).findOneByOrFail({ id: existing.id }), outcome: 'corrected' };
  }

  /** Marks a document withdrawn; undefined when no such document exists. */
  public async cancel(manager: EntityManager, kind: DocumentKind, sourceSystem: string, sourceId: string, at: Date): Promise<{ document: Document; alreadyCancelled: boolean } | undefined> {
    const document = await manager.getRepository(Document).createQueryBuilder('d').setLock('pessimistic_write').where('d.kind = :kind AND d.sourceSystem = :sourceSystem AND d.sourceId = :sourceId', { kind, sourceSystem, sourceId }).getOne();
    if (!document) return undefined;
    if (document.cancelledAt) return { document, alreadyCancelled: true };
    await manager.query('UPDATE document SET cancelled_at = $2 WHERE id = $1', [document.id, at]);
    return { document: { ...document, cancelledAt: at }, alreadyCancelled: false };
  }

  private async addVersion(manager: EntityManager, documentId: string, version: number, hash: string, incoming: IncomingDocument): Promise<void> {
    await manager.query('INSERT INTO document_version (document_id, version, content_hash, body, orgnr, received_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      documentId,
      version,
      hash,
      incoming.body,
      incoming.orgnr,
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
