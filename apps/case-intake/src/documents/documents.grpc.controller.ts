import type { Metadata } from '@grpc/grpc-js';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { ArbeidsforholdSubmissionSchema, DocumentCancellationSchema, InntektsmeldingSubmissionSchema, SoknadSubmissionSchema, type intakeDocumentsV1 } from '@syfo/contracts';
import { correlationIdOf, OutboxService, parseRequest } from '@syfo/platform';

import { fromCancelDocument, fromSubmitArbeidsforhold, fromSubmitSoknad } from './document-requests.mapper';
import { DocumentsService } from './documents.service';

@Controller()
export class DocumentsGrpcController implements intakeDocumentsV1.DocumentService {
  public constructor(
    private readonly documents: DocumentsService,
    private readonly outbox: OutboxService,
  ) {}

  @GrpcMethod('DocumentService', 'SubmitSoknad')
  public async SubmitSoknad(request: intakeDocumentsV1.SubmitSoknadRequest, metadata?: Metadata): Promise<intakeDocumentsV1.SubmitSoknadResponse> {
    const soknad = parseRequest(SoknadSubmissionSchema, fromSubmitSoknad(request));
    return this.outbox.transaction(correlationIdOf(metadata), (tx) => this.documents.submitSoknad(tx, soknad));
  }

  @GrpcMethod('DocumentService', 'SubmitInntektsmelding')
  public async SubmitInntektsmelding(request: intakeDocumentsV1.SubmitInntektsmeldingRequest, metadata?: Metadata): Promise<intakeDocumentsV1.SubmitInntektsmeldingResponse> {
    const melding = parseRequest(InntektsmeldingSubmissionSchema, request);
    return this.outbox.transaction(correlationIdOf(metadata), (tx) => this.documents.submitInntektsmelding(tx, melding));
  }

  @GrpcMethod('DocumentService', 'SubmitArbeidsforhold')
  public async SubmitArbeidsforhold(request: intakeDocumentsV1.SubmitArbeidsforholdRequest, metadata?: Metadata): Promise<intakeDocumentsV1.SubmitArbeidsforholdResponse> {
    const forhold = parseRequest(ArbeidsforholdSubmissionSchema, fromSubmitArbeidsforhold(request));
    return this.outbox.transaction(correlationIdOf(metadata), (tx) => this.documents.submitArbeidsforhold(tx, forhold));
  }

  @GrpcMethod('DocumentService', 'CancelDocument')
  public async CancelDocument(request: intakeDocumentsV1.CancelDocumentRequest, metadata?: Metadata): Promise<intakeDocumentsV1.CancelDocumentResponse> {
    const cancellation = parseRequest(DocumentCancellationSchema, fromCancelDocument(request));
    return this.outbox.transaction(correlationIdOf(metadata), (tx) => this.documents.cancel(tx, cancellation));
  }
}
