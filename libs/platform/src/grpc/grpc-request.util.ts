import { randomUUID } from 'node:crypto';

import type { Metadata } from '@grpc/grpc-js';
import { toFieldViolations } from '@syfo/contracts';
import type { z } from 'zod';

import { DomainError } from './domain.error';

/** The caller's correlation id, or a new one: it follows the request into every event it causes. */
export function correlationIdOf(metadata: Metadata | undefined): string {
  const value = metadata?.get('x-correlation-id')[0];
  return typeof value === 'string' && value.length > 0 && value.length <= 128 ? value : randomUUID();
}

/** Validates a mapped request completely; every broken rule comes back as INVALID_ARGUMENT details. */
export function parseRequest<S extends z.ZodType>(schema: S, candidate: unknown): z.infer<S> {
  const result = schema.safeParse(candidate);
  if (!result.success) throw DomainError.invalid(toFieldViolations(result.error));
  return result.data;
}

/** proto3 has no null: an empty string means "not given". */
export function emptyToUndefined(value: string | undefined | null): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : value;
}

/** Turns `PERIOD_TYPE_GRADED` into `GRADED`; the unspecified zero value becomes undefined, so "required" fires. */
export function enumName(value: string | undefined, prefix: string): string | undefined {
  if (!value || value.endsWith('_UNSPECIFIED')) return undefined;
  return value.startsWith(prefix) ? value.slice(prefix.length) : value;
}
