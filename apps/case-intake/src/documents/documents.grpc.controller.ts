import type { Metadata, sendUnaryData, ServerReadableStream } from '@grpc/grpc-js';
import { Controller } from '@nestjs/common';
import { GrpcMethod, GrpcStreamCall } from '@nestjs/microservices';
import {
  ArbeidsforholdSubmissionSchema,
  DocumentCancellationSchema,
  InntektsmeldingSubmissionSchema,
  OppfolgingsplanSubmissionSchema,
  SoknadSubmissionSchema,
  VirksomhetSubmissionSchema,
  type intakeDocumentsV1,
} from '@syfo/contracts';
import { correlationIdOf, DomainError, OutboxService, parseRequest, type OutboxTransaction } from '@syfo/platform';

import { BulkLoadService, type BulkItem } from './bulk-load.service';
import { fromCancelDocument, fromSubmitArbeidsforhold, fromSubmitOppfolgingsplan, fromSubmitSoknad, fromSubmitVirksomhet, parseScreeningAnswerRequest } from './document-requests.mapper';
import { DocumentsService, type StoreResult } from './documents.service';

/** A kind's validation (throwing a DomainError that names field and rule) and its write: the same for its own rpc and in a bulk load. */
interface Kind<Request, Result> {
  readonly validate: (request: Request) => (tx: OutboxTransaction) => Promise<Result>;
  /** For the bulk load's count: was it seen before? */
  readonly duplicate: (result: Result) => boolean;
}

const stored = <Request>(validate: Kind<Request, StoreResult>['validate']): Kind<Request, StoreResult> => ({ validate, duplicate: (result) => result.duplicate });

@Controller()
// SubmitDocuments is a raw stream call (see BulkLoadService), so it is left out of the generated interface.
export class DocumentsGrpcController implements Omit<intakeDocumentsV1.DocumentService, 'SubmitDocuments'> {
  private readonly soknad = stored((request: intakeDocumentsV1.SubmitSoknadRequest) => {
    const soknad = parseRequest(SoknadSubmissionSchema, fromSubmitSoknad(request));
    return (tx) => this.documents.submitSoknad(tx, soknad);
  });
  private readonly inntektsmelding = stored((request: intakeDocumentsV1.SubmitInntektsmeldingRequest) => {
    const melding = parseRequest(InntektsmeldingSubmissionSchema, request);
    return (tx) => this.documents.submitInntektsmelding(tx, melding);
  });
  private readonly arbeidsforhold = stored((request: intakeDocumentsV1.SubmitArbeidsforholdRequest) => {
    const forhold = parseRequest(ArbeidsforholdSubmissionSchema, fromSubmitArbeidsforhold(request));
    return (tx) => this.documents.submitArbeidsforhold(tx, forhold);
  });
  private readonly oppfolgingsplan = stored((request: intakeDocumentsV1.SubmitOppfolgingsplanRequest) => {
    const plan = parseRequest(OppfolgingsplanSubmissionSchema, fromSubmitOppfolgingsplan(request));
    return (tx) => this.documents.submitOppfolgingsplan(tx, plan);
  });
  private readonly screeningAnswer = stored((request: intakeDocumentsV1.SubmitScreeningAnswerRequest) => {
    const answer = parseScreeningAnswerRequest(request);
    return (tx) => this.documents.submitScreeningAnswer(tx, answer);
  });
  private readonly virksomhet = stored((request: intakeDocumentsV1.SubmitVirksomhetRequest) => {
    const virksomhet = parseRequest(VirksomhetSubmissionSchema, fromSubmitVirksomhet(request));
    return (tx) => this.documents.submitVirksomhet(tx, virksomhet);
  });
  private readonly cancellation: Kind<intakeDocumentsV1.CancelDocumentRequest, intakeDocumentsV1.CancelDocumentResponse> = {
    validate: (request) => {
      const cancellation = parseRequest(DocumentCancellationSchema, fromCancelDocument(request));
      return (tx) => this.documents.cancel(tx, cancellation);
    },
    duplicate: (result) => result.alreadyCancelled,
  };

  public constructor(
    private readonly documents: DocumentsService,
    private readonly outbox: OutboxService,
    private readonly bulk: BulkLoadService,
  ) {}

  @GrpcMethod('DocumentService', 'SubmitSoknad')
  public async SubmitSoknad(request: intakeDocumentsV1.SubmitSoknadRequest, metadata?: Metadata): Promise<intakeDocumentsV1.SubmitSoknadResponse> {
    return this.submit(this.soknad, request, metadata);
  }

  @GrpcMethod('DocumentService', 'SubmitInntektsmelding')
  public async SubmitInntektsmelding(request: intakeDocumentsV1.SubmitInntektsmeldingRequest, metadata?: Metadata): Promise<intakeDocumentsV1.SubmitInntektsmeldingResponse> {
    return this.submit(this.inntektsmelding, request, metadata);
  }

  @GrpcMethod('DocumentService', 'SubmitArbeidsforhold')
  public async SubmitArbeidsforhold(request: intakeDocumentsV1.SubmitArbeidsforholdRequest, metadata?: Metadata): Promise<intakeDocumentsV1.SubmitArbeidsforholdResponse> {
    return this.submit(this.arbeidsforhold, request, metadata);
  }

  @GrpcMethod('DocumentService', 'SubmitOppfolgingsplan')
  public async SubmitOppfolgingsplan(request: intakeDocumentsV1.SubmitOppfolgingsplanRequest, metadata?: Metadata): Promise<intakeDocumentsV1.SubmitOppfolgingsplanResponse> {
    return this.submit(this.oppfolgingsplan, request, metadata);
  }

  @GrpcMethod('DocumentService', 'SubmitScreeningAnswer')
  public async SubmitScreeningAnswer(request: intakeDocumentsV1.SubmitScreeningAnswerRequest, metadata?: Metadata): Promise<intakeDocumentsV1.SubmitScreeningAnswerResponse> {
    return this.submit(this.screeningAnswer, request, metadata);
  }

  @GrpcMethod('DocumentService', 'SubmitVirksomhet')
  public async SubmitVirksomhet(request: intakeDocumentsV1.SubmitVirksomhetRequest, metadata?: Metadata): Promise<intakeDocumentsV1.SubmitVirksomhetResponse> {
    return this.submit(this.virksomhet, request, metadata);
  }

  @GrpcMethod('DocumentService', 'CancelDocument')
  public async CancelDocument(request: intakeDocumentsV1.CancelDocumentRequest, metadata?: Metadata): Promise<intakeDocumentsV1.CancelDocumentResponse> {
    return this.submit(this.cancellation, request, metadata);
  }

  @GrpcStreamCall('DocumentService', 'SubmitDocuments')
  public async SubmitDocuments(
    call: ServerReadableStream<intakeDocumentsV1.SubmitDocumentsRequest, intakeDocumentsV1.SubmitDocumentsResponse>,
    callback: sendUnaryData<intakeDocumentsV1.SubmitDocumentsResponse>,
  ): Promise<void> {
    await this.bulk.load(call, callback, (request) => this.bulkItem(request));
  }

  private async submit<Request, Result>(kind: Kind<Request, Result>, request: Request, metadata: Metadata | undefined): Promise<Result> {
    const store = kind.validate(request);
    return this.outbox.transaction(correlationIdOf(metadata), store);
  }

  /** The one document a bulk request carries, whichever kind it is. */
  private bulkItem(request: intakeDocumentsV1.SubmitDocumentsRequest): BulkItem {
    const as = <Request extends { sourceId: string }, Result>(kind: Kind<Request, Result>, document: Request): BulkItem => ({
      sourceId: document.sourceId,
      validate: () => {
        const store = kind.validate(document);
        return async (tx) => ({ duplicate: kind.duplicate(await store(tx)) });
      },
    });
    if (request.soknad) return as(this.soknad, request.soknad);
    if (request.inntektsmelding) return as(this.inntektsmelding, request.inntektsmelding);
    if (request.arbeidsforhold) return as(this.arbeidsforhold, request.arbeidsforhold);
    if (request.oppfolgingsplan) return as(this.oppfolgingsplan, request.oppfolgingsplan);
    if (request.screeningAnswer) return as(this.screeningAnswer, request.screeningAnswer);
    if (request.virksomhet) return as(this.virksomhet, request.virksomhet);
    if (request.cancellation) return as(this.cancellation, request.cancellation);
    return {
      sourceId: '',
      validate: () => {
        throw DomainError.invalid([{ field: 'document', rule: 'required', message: 'must carry one document' }]);
      },
    };
  }
}
