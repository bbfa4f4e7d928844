import type { Metadata } from '@grpc/grpc-js';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { SickNoteSubmissionSchema, type intakeV1 } from '@syfo/contracts';
import { correlationIdOf, OutboxService, parseRequest } from '@syfo/platform';
import { z } from 'zod';

import { fromSubmitRequest, toGetResponse } from './sick-note.mapper';
import { SickNotesService } from './sick-notes.service';

const GetSickNoteSchema = z.strictObject({ sickNoteId: z.guid(), purpose: z.string().min(3).max(200) });

@Controller()
export class SickNotesGrpcController implements intakeV1.SickNoteService {
  public constructor(
    private readonly sickNotes: SickNotesService,
    private readonly outbox: OutboxService,
  ) {}

  @GrpcMethod('SickNoteService', 'SubmitSickNote')
  public async SubmitSickNote(request: intakeV1.SubmitSickNoteRequest, metadata?: Metadata): Promise<intakeV1.SubmitSickNoteResponse> {
    const submission = parseRequest(SickNoteSubmissionSchema, fromSubmitRequest(request));
    return this.outbox.transaction(correlationIdOf(metadata), (tx) => this.sickNotes.store(tx, submission));
  }

  @GrpcMethod('SickNoteService', 'GetSickNote')
  public async GetSickNote(request: intakeV1.GetSickNoteRequest): Promise<intakeV1.GetSickNoteResponse> {
    const { sickNoteId } = parseRequest(GetSickNoteSchema, request);
    return toGetResponse(await this.sickNotes.get(sickNoteId));
  }
}
