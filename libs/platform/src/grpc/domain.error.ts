import type { FieldViolation } from '@syfo/contracts';

export enum DomainErrorCode {
  InvalidArgument = 'INVALID_ARGUMENT',
  NotFound = 'NOT_FOUND',
  AlreadyExists = 'ALREADY_EXISTS',
  FailedPrecondition = 'FAILED_PRECONDITION',
  PermissionDenied = 'PERMISSION_DENIED',
}

/** An error the caller can act on. It knows nothing of transports; each edge maps the code. */
export class DomainError extends Error {
  public constructor(
    public readonly code: DomainErrorCode,
    public readonly headline: string,
    public readonly violations: readonly FieldViolation[] = [],
  ) {
    super(describeViolations(headline, violations, (field) => field));
    this.name = 'DomainError';
  }

  public static invalid(violations: readonly FieldViolation[]): DomainError {
    return new DomainError(DomainErrorCode.InvalidArgument, 'invalid request', violations);
  }
}

/** "headline: field: message (rule); …", with field names as the transport spells them. */
export function describeViolations(headline: string, violations: readonly FieldViolation[], fieldName: (field: string) => string): string {
  if (violations.length === 0) return headline;
  return `${headline}: ${violations.map((violation) => `${fieldName(violation.field)}: ${violation.message} (${violation.rule})`).join('; ')}`;
}
