import type { Metadata } from '@grpc/grpc-js';
import { Controller } from '@nestjs/common';
import { GrpcMethod, GrpcStreamMethod } from '@nestjs/microservices';
import { PersonIdentSchema, SickNoteSubmissionSchema, toFieldViolations, type intakeV1 } from '@syfo/contracts';
import { correlationIdOf, DomainError, DomainErrorCode, OutboxService, parseRequest } from '@syfo/platform';
import { concatMap, from, lastValueFrom, reduce, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { z } from 'zod';

import { AuditService } from '../audit/audit.service';
import { fromSubmitSickNote, toSickNoteResponse } from './document-requests.mapper';
import { Document, DocumentVersion } from './document.entity';
import { DocumentsService } from './documents.service';

const PurposeSchema = z.string().min(3).max(200);
const GetSickNoteSchema = z.strictObject({ sickNoteId: z.guid(), purpose: PurposeSchema });
const ListPersonSickNotesSchema = z.strictObject({ personIdent: PersonIdentSchema, purpose: PurposeSchema });

@Controller()
export class SickNotesGrpcController implements intakeV1.SickNoteService {
  public constructor(
    private readonly documents: DocumentsService,
    private readonly outbox: OutboxService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  @GrpcMethod('SickNoteService', 'SubmitSickNote')
  public async SubmitSickNote(request: intakeV1.SubmitSickNoteRequest, metadata?: Metadata): Promise<intakeV1.SubmitSickNoteResponse> {
    const note = parseRequest(SickNoteSubmissionSchema, fromSubmitSickNote(request));
    const stored = await this.outbox.transaction(correlationIdOf(metadata), (tx) => this.documents.submitSickNote(tx, note));
    return { sickNoteId: stored.documentId, duplicate: stored.duplicate };
  }

  /** Each note commits on its own: a broken connection loses only what was not yet acknowledged. */
  @GrpcStreamMethod('SickNoteService', 'SubmitSickNotes')
  public SubmitSickNotes(requests: Observable<intakeV1.SubmitSickNotesRequest>, metadata?: Metadata): Promise<intakeV1.SubmitSickNotesResponse> {
    const correlationId = correlationIdOf(metadata);
    return lastValueFrom(requests.pipe(
      concatMap((request, index) => from(this.submitOne(request.sickNote, index, correlationId))),
      reduce<Outcome, intakeV1.SubmitSickNotesResponse>(
        (summary, outcome) =>
          outcome.kind === 'rejected'
            ? { ...summary, rejected: [...summary.rejected, outcome.rejected] }
            : outcome.kind === 'duplicate'
              ? { ...summary, duplicates: summary.duplicates + 1 }
              : { ...summary, accepted: summary.accepted + 1 },
        { accepted: 0, duplicates: 0, rejected: [] },
      ),
    ));
  }

  @GrpcMethod('SickNoteService', 'GetSickNote')
  public async GetSickNote(request: intakeV1.GetSickNoteRequest, metadata?: Metadata): Promise<intakeV1.GetSickNoteResponse> {
    const { sickNoteId, purpose } = parseRequest(GetSickNoteSchema, request);
    const document = await this.dataSource.getRepository(Document).findOneBy({ id: sickNoteId, kind: 'SICK_NOTE' });
    if (!document) throw new DomainError(DomainErrorCode.NotFound, 'no sick note with that id');
    await this.audit.record(metadata, { action: 'access', resource: `sick-note/${sickNoteId}`, personIdent: document.personIdent, purpose });
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

  private async submitOne(request: intakeV1.SubmitSickNoteRequest | undefined, index: number, correlationId: string): Promise<Outcome> {
    const parsed = SickNoteSubmissionSchema.safeParse(fromSubmitSickNote(request));
    if (!parsed.success) {
      const fieldErrors = toFieldViolations(parsed.error).map((violation) => ({ field: violation.field, rule: violation.rule, description: violation.message }));
      return { kind: 'rejected', rejected: { index, sourceId: request?.sourceId ?? '', reason: 'invalid', fieldErrors } };
    }
    try {
      const stored = await this.outbox.transaction(correlationId, (tx) => this.documents.submitSickNote(tx, parsed.data));
      return { kind: stored.duplicate ? 'duplicate' : 'accepted' };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { kind: 'rejected', rejected: { index, sourceId: parsed.data.sourceId, reason: error.headline, fieldErrors: error.violations.map((v) => ({ field: v.field, rule: v.rule, description: v.message })) } };
    }
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
