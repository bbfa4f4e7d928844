/** What case-intake's versioned documents (sick notes, virksomheter) say about themselves. */
export interface DocumentVersion {
  readonly version: number;
  readonly cancelled: boolean;
}

/**
 * Whether `next` replaces `held` among the versions of one document: a higher version, or the same version withdrawn.
 * case-intake publishes a withdrawal with the version it withdraws, and never undoes one (a later correction of a
 * withdrawn document is published withdrawn too), so a redelivery of either changes nothing.
 */
export function supersedes(next: DocumentVersion, held: DocumentVersion): boolean {
  return next.version > held.version || (next.version === held.version && next.cancelled && !held.cancelled);
}
