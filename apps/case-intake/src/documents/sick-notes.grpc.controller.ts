import { status, type Metadata, type sendUnaryData, type ServerReadableStream } from '@grpc/grpc-js';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, GrpcStreamCall } from '@nestjs/microservices';
import { PersonIdentSchema, SickNoteSubmissionSchema, toFieldViolations, type intakeV1 } from '@syfo/contracts';
import { AuditService, correlationIdOf, DomainError, DomainErrorCode, LOGGER, OutboxService, parseRequest, type OutboxTransaction } from '@syfo/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { z } from 'zod';

import { fromSubmitSickNote, toSickNoteResponse } from './document-requests.mapper';
import { Document, DocumentVersion, personOf } from './document.entity';
import { DocumentsService } from './documents.service';

/** Notes of a bulk load committed together. */
const BULK_CHUNK = 100;
const PurposeSchema = z.string().min(3).max(200);
const GetSickNoteSchema = z.strictObject({ sickNoteId: z.guid(), purpose: PurposeSchema });
const ListPersonSickNotesSchema = z.strictObject({ personIdent: PersonIdentSchema, purpose: PurposeSchema });

@Controller()
// SubmitSickNotes reads the raw call: Nest's observable wrapper for client streams never completes
// when the client ends early (11.2), and the raw stream gives backpressure for free.
export class SickNotesGrpcController implements Omit<intakeV1.SickNoteService, 'SubmitSickNotes'> {
  public constructor(
    private readonly documents: DocumentsService,
    private readonly outbox: OutboxService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @GrpcMethod('SickNoteService', 'SubmitSickNote')
  public async SubmitSickNote(request: intakeV1.SubmitSickNoteRequest, metadata?: Metadata): Promise<intakeV1.SubmitSickNoteResponse> {
    const note = parseRequest(SickNoteSubmissionSchema, fromSubmitSickNote(request));
    const stored = await this.outbox.transaction(correlationIdOf(metadata), (tx) => this.documents.submitSickNote(tx, note));
    return { sickNoteId: stored.documentId, duplicate: stored.duplicate };
  }

  /**
   * A bulk load commits BULK_CHUNK notes at a time, so a commit (and its WAL flush) is paid per chunk,
   * not per note; a note refused inside a chunk rolls back to its savepoint only. Nothing is
   * acknowledged before the stream ends, so a broken stream is sent again and what was stored comes
   * back as duplicates.
   */
  @GrpcStreamCall('SickNoteService', 'SubmitSickNotes')
  public async SubmitSickNotes(
    call: ServerReadableStream<intakeV1.SubmitSickNotesRequest, intakeV1.SubmitSickNotesResponse>,
    callback: sendUnaryData<intakeV1.SubmitSickNotesResponse>,
  ): Promise<void> {
    const correlationId = correlationIdOf(call.metadata);
    const summary: intakeV1.SubmitSickNotesResponse = { accepted: 0, duplicates: 0, rejected: [] };
    let chunk: (intakeV1.SubmitSickNoteRequest | undefined)[] = [];
    let stored = 0;
    const commit = async () => {
      const outcomes = await this.outbox.transaction(correlationId, (tx) => this.submitChunk(tx, chunk, stored));
      for (const outcome of outcomes) {
        if (outcome.kind === 'rejected') summary.rejected.push(outcome.rejected);
        else if (outcome.kind === 'duplicate') summary.duplicates += 1;
        else summary.accepted += 1;
      }
      stored += chunk.length;
      chunk = [];
    };
    try {
      for await (const request of call as AsyncIterable<intakeV1.SubmitSickNotesRequest>) {
        chunk.push(request.sickNote);
        if (chunk.length >= BULK_CHUNK) await commit();
      }
      if (chunk.length > 0) await commit();
      callback(null, summary);
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.message : String(error), stored }, 'bulk load failed');
      callback({ code: status.INTERNAL, details: `bulk load stopped after note ${stored}; the notes before it are stored` });
    }
  }

  @GrpcMethod('SickNoteService', 'GetSickNote')
  public async GetSickNote(request: intakeV1.GetSickNoteRequest, metadata?: Metadata): Promise<intakeV1.GetSickNoteResponse> {
    const { sickNoteId, purpose } = parseRequest(GetSickNoteSchema, request);
    const document = await this.dataSource.getRepository(Document).findOneBy({ id: sickNoteId, kind: 'SICK_NOTE' });
    if (!document) throw new DomainError(DomainErrorCode.NotFound, 'no sick note with that id');
    await this.audit.record(metadata, { action: 'access', resource: `sick-note/${sickNoteId}`, personIdent: personOf(document), purpose });
    return toSickNoteResponse(document, await this.versionsOf([document.id]));
  }

  @GrpcMethod('SickNoteService', 'ListPersonSickNotes')
  public async ListPersonSickNotes(request: intakeV1.ListPersonSickNotesRequest, metadata?: Metadata): Promise<intakeV1.ListPersonSickNotesResponse> {
    const { personIdent, purpose } = parseRequest(ListPersonSickNotesSchema, request);
    await this.audit.record(metadata, { action: 'access', resource: 'sick-notes', personIdent, purpose });
    const documents = await this.dataSource.getRepository(Document).find({ where: { personIdent, kind: 'SICK_NOTE' }, order: { receivedAt: 'DESC' } });
    const versions = await this.versionsOf(documents.map((document) => document.id));
    return { sickNotes: documents.map((document) => toSickNoteResponse(document, versions.filter((version) => version.documentId === document.id))) };
  }

  /** Each note of a chunk in one transaction, behind a savepoint, so a refused note leaves nothing behind and the others stand. */
  private async submitChunk(tx: OutboxTransaction, requests: readonly (intakeV1.SubmitSickNoteRequest | undefined)[], first: number): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (const [offset, request] of requests.entries()) {
      const index = first + offset;
      const parsed = SickNoteSubmissionSchema.safeParse(fromSubmitSickNote(request));
      if (!parsed.success) {
        const fieldErrors = toFieldViolations(parsed.error).map((violation) => ({ field: violation.field, rule: violation.rule, description: violation.message }));
        outcomes.push({ kind: 'rejected', rejected: { index, sourceId: request?.sourceId ?? '', reason: 'invalid', fieldErrors } });
        continue;
      }
      await tx.manager.query('SAVEPOINT bulk_note');
      try {
        const stored = await this.documents.submitSickNote(tx, parsed.data);
        await tx.manager.query('RELEASE SAVEPOINT bulk_note');
        outcomes.push({ kind: stored.duplicate ? 'duplicate' : 'accepted' });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        await tx.manager.query('ROLLBACK TO SAVEPOINT bulk_note');
        outcomes.push({ kind: 'rejected', rejected: { index, sourceId: parsed.data.sourceId, reason: error.headline, fieldErrors: error.violations.map((v) => ({ field: v.field, rule: v.rule, description: v.message })) } });
      }
    }
    return outcomes;
  }

  private async versionsOf(documentIds: string[]): Promise<DocumentVersion[]> {
    if (documentIds.length === 0) return [];
    return this.dataSource
      .getRepository(DocumentVersion)
      .createQueryBuilder('v')
      .where('v.documentId IN (:...documentIds)', { documentIds })
      .orderBy('v.version', 'ASC')
      .getMany();
  }
}

type Outcome = { kind: 'accepted' | 'duplicate' } | { kind: 'rejected'; rejected: intakeV1.RejectedSickNote };
