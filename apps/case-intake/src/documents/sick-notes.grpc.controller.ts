import type { Metadata, sendUnaryData, ServerReadableStream } from '@grpc/grpc-js';
import { Controller } from '@nestjs/common';
import { GrpcMethod, GrpcStreamCall } from '@nestjs/microservices';
import { PersonIdentSchema, SickNoteSubmissionSchema, type intakeV1 } from '@syfo/contracts';
import { AuditService, correlationIdOf, DomainError, DomainErrorCode, OutboxService, parseRequest } from '@syfo/platform';
import { DataSource } from 'typeorm';
import { z } from 'zod';

import { BulkLoadService } from './bulk-load.service';
import { fromSubmitSickNote, toSickNoteResponse } from './document-requests.mapper';
import { Document, DocumentVersion, personOf } from './document.entity';
import { DocumentsService } from './documents.service';

const PurposeSchema = z.string().min(3).max(200);
const GetSickNoteSchema = z.strictObject({ sickNoteId: z.guid(), purpose: PurposeSchema });
const ListPersonSickNotesSchema = z.strictObject({ personIdent: PersonIdentSchema, purpose: PurposeSchema });

@Controller()
// SubmitSickNotes is a raw stream call (see BulkLoadService), so it is left out of the generated interface.
export class SickNotesGrpcController implements Omit<intakeV1.SickNoteService, 'SubmitSickNotes'> {
  public constructor(
    private readonly documents: DocumentsService,
    private readonly outbox: OutboxService,
    private readonly bulk: BulkLoadService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  @GrpcMethod('SickNoteService', 'SubmitSickNote')
  public async SubmitSickNote(request: intakeV1.SubmitSickNoteRequest, metadata?: Metadata): Promise<intakeV1.SubmitSickNoteResponse> {
    const note = parseRequest(SickNoteSubmissionSchema, fromSubmitSickNote(request));
    const stored = await this.outbox.transaction(correlationIdOf(metadata), (tx) => this.documents.submitSickNote(tx, note));
    return { sickNoteId: stored.documentId, duplicate: stored.duplicate };
  }

  @GrpcStreamCall('SickNoteService', 'SubmitSickNotes')
  public async SubmitSickNotes(
    call: ServerReadableStream<intakeV1.SubmitSickNotesRequest, intakeV1.SubmitSickNotesResponse>,
    callback: sendUnaryData<intakeV1.SubmitSickNotesResponse>,
  ): Promise<void> {
    await this.bulk.load(call, callback, ({ sickNote }) => ({
      sourceId: sickNote?.sourceId ?? '',
      validate: () => {
        const note = parseRequest(SickNoteSubmissionSchema, fromSubmitSickNote(sickNote));
        return (tx) => this.documents.submitSickNote(tx, note);
      },
    }));
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
