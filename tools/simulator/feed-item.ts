import type { ArbeidsforholdSubmission, DocumentCancellation, ScreeningAnswerSubmission, SickNoteSubmission, SoknadSubmission, VirksomhetSubmission } from '@syfo/contracts';

/** The sourceSystem of everything the simulator sends. */
export const SOURCE_SYSTEM = 'syfo-simulator';

/**
 * One document as an external system delivers it, in the exact shape case-intake validates; `at` is
 * when the sending system produced it (ISO instant), the order documents are delivered in.
 */
export type FeedItem =
  | { readonly kind: 'virksomhet'; readonly at: string; readonly submission: VirksomhetSubmission }
  | { readonly kind: 'arbeidsforhold'; readonly at: string; readonly submission: ArbeidsforholdSubmission }
  | { readonly kind: 'sick-note'; readonly at: string; readonly submission: SickNoteSubmission }
  | { readonly kind: 'soknad'; readonly at: string; readonly submission: SoknadSubmission }
  | { readonly kind: 'screening-answer'; readonly at: string; readonly submission: ScreeningAnswerSubmission }
  | { readonly kind: 'cancellation'; readonly at: string; readonly submission: DocumentCancellation };

export type FeedKind = FeedItem['kind'];
