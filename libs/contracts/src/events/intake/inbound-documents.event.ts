import { defineEvent } from '../event-definition';
import {
  ArbeidsforholdSubmissionSchema,
  DocumentCancellationSchema,
  InntektsmeldingSubmissionSchema,
  OppfolgingsplanSubmissionSchema,
  ScreeningAnswerSubmissionSchema,
  SoknadSubmissionSchema,
} from './document-submissions.schema';

/** The inbound documents topic carries every other kind of fact, told apart by the envelope's type. */
export const InboundSoknadEvent = defineEvent({
  type: 'intake.inbound.soknad',
  version: 1,
  topic: 'intake.inbound.document.v1',
  payload: SoknadSubmissionSchema,
  key: (payload) => payload.personIdent,
});

export const InboundInntektsmeldingEvent = defineEvent({
  type: 'intake.inbound.inntektsmelding',
  version: 1,
  topic: 'intake.inbound.document.v1',
  payload: InntektsmeldingSubmissionSchema,
  key: (payload) => payload.personIdent,
});

export const InboundArbeidsforholdEvent = defineEvent({
  type: 'intake.inbound.arbeidsforhold',
  version: 1,
  topic: 'intake.inbound.document.v1',
  payload: ArbeidsforholdSubmissionSchema,
  key: (payload) => payload.personIdent,
});

export const InboundOppfolgingsplanEvent = defineEvent({
  type: 'intake.inbound.oppfolgingsplan',
  version: 1,
  topic: 'intake.inbound.document.v1',
  payload: OppfolgingsplanSubmissionSchema,
  key: (payload) => payload.personIdent,
});

export const InboundScreeningAnswerEvent = defineEvent({
  type: 'intake.inbound.screening-answer',
  version: 1,
  topic: 'intake.inbound.document.v1',
  payload: ScreeningAnswerSubmissionSchema,
  key: (payload) => payload.personIdent,
});

export const InboundCancellationEvent = defineEvent({
  type: 'intake.inbound.cancellation',
  version: 1,
  topic: 'intake.inbound.document.v1',
  payload: DocumentCancellationSchema,
  key: (payload) => `${payload.sourceSystem}:${payload.sourceId}`,
});
