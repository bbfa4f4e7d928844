import type { z } from 'zod';

import { defineEvent } from '../event-definition';
import {
  ArbeidsforholdSubmissionSchema,
  DocumentCancellationSchema,
  InntektsmeldingSubmissionSchema,
  OppfolgingsplanSubmissionSchema,
  ScreeningAnswerSubmissionSchema,
  SoknadSubmissionSchema,
  VirksomhetSubmissionSchema,
} from './document-submissions.schema';

/** The inbound documents topic carries every other kind of fact, told apart by the envelope's type. */
function inboundDocumentEvent<S extends z.ZodType>(type: `intake.inbound.${string}`, payload: S, key: (payload: z.infer<S>) => string) {
  return defineEvent({ type, version: 1, topic: 'intake.inbound.document.v1', payload, key });
}

const byPerson = (payload: { readonly personIdent: string }): string => payload.personIdent;

export const InboundSoknadEvent = inboundDocumentEvent('intake.inbound.soknad', SoknadSubmissionSchema, byPerson);

export const InboundInntektsmeldingEvent = inboundDocumentEvent('intake.inbound.inntektsmelding', InntektsmeldingSubmissionSchema, byPerson);

export const InboundArbeidsforholdEvent = inboundDocumentEvent('intake.inbound.arbeidsforhold', ArbeidsforholdSubmissionSchema, byPerson);

export const InboundOppfolgingsplanEvent = inboundDocumentEvent('intake.inbound.oppfolgingsplan', OppfolgingsplanSubmissionSchema, byPerson);

export const InboundScreeningAnswerEvent = inboundDocumentEvent('intake.inbound.screening-answer', ScreeningAnswerSubmissionSchema, byPerson);

/** About an employer, not a person: its versions keep their order by orgnr. */
export const InboundVirksomhetEvent = inboundDocumentEvent('intake.inbound.virksomhet', VirksomhetSubmissionSchema, (payload) => payload.orgnr);

export const InboundCancellationEvent = inboundDocumentEvent('intake.inbound.cancellation', DocumentCancellationSchema, (payload) => `${payload.sourceSystem}:${payload.sourceId}`);
