import type { Metadata } from '@grpc/grpc-js';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import {
  ArbeidsforholdSubmissionSchema,
  DocumentCancellationSchema,
  InntektsmeldingSubmissionSchema,
  OppfolgingsplanSubmissionSchema,
  SoknadSubmissionSchema,
  VirksomhetSubmissionSchema,
  type intakeDocumentsV1,
} from '@syfo/contracts';
import { correlationIdOf, OutboxService, parseRequest } from '@syfo/platform';

import { fromCancelDocument, fromSubmitArbeidsforhold, fromSubmitOppfolgingsplan, fromSubmitSoknad, fromSubmitVirksomhet, parseScreeningAnswerRequest } from './document-requests.mapper';
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

  @GrpcMethod('DocumentService', 'SubmitOppfolgingsplan')
  public async SubmitOppfolgingsplan(request: intakeDocumentsV1.SubmitOppfolgingsplanRequest, metadata?: Metadata): Promise<intakeDocumentsV1.SubmitOppfolgingsplanResponse> {
    const plan = parseRequest(OppfolgingsplanSubmissionSchema, fromSubmitOppfolgingsplan(request));
    return this.outbox.transaction(correlationIdOf(metadata), (tx) => this.documents.submitOppfolgingsplan(tx, plan));
  }

  @GrpcMethod('DocumentService', 'SubmitScreeningAnswer')
  public async SubmitScreeningAnswer(request: intakeDocumentsV1.SubmitScreeningAnswerRequest, metadata?: Metadata): Promise<intakeDocumentsV1.SubmitScreeningAnswerResponse> {
    const answer = parseScreeningAnswerRequest(request);
    return this.outbox.transaction(correlationIdOf(metadata), (tx) => this.documents.submitScreeningAnswer(tx, answer));
  }

  @GrpcMethod('DocumentService', 'SubmitVirksomhet')
  public async SubmitVirksomhet(request: intakeDocumentsV1.SubmitVirksomhetRequest, metadata?: Metadata): Promise<intakeDocumentsV1.SubmitVirksomhetResponse> {
    const virksomhet = parseRequest(VirksomhetSubmissionSchema, fromSubmitVirksomhet(request));
    return this.outbox.transaction(correlationIdOf(metadata), (tx) => this.documents.submitVirksomhet(tx, virksomhet));
  }

  @GrpcMethod('DocumentService', 'CancelDocument')
  public async CancelDocument(request: intakeDocumentsV1.CancelDocumentRequest, metadata?: Metadata): Promise<intakeDocumentsV1.CancelDocumentResponse> {
    const cancellation = parseRequest(DocumentCancellationSchema, fromCancelDocument(request));
    return this.outbox.transaction(correlationIdOf(metadata), (tx) => this.documents.cancel(tx, cancellation));
  }
}
