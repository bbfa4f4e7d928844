import type { z } from 'zod';

/** One broken rule on one field: what gRPC details and dead-letter reasons carry. */
export interface FieldViolation {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** Flattens zod issues into field paths like `periods[0].grade`, each with the rule that failed. */
export function toFieldViolations(error: z.ZodError): FieldViolation[] {
  return error.issues.map((issue) => ({
    field: formatPath(issue.path) || '(root)',
    rule: issue.code === 'custom' ? String(issue.params?.['rule'] ?? 'custom') : issue.code,
    message: issue.message,
  }));
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}
