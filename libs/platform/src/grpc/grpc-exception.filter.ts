import { Metadata, status } from '@grpc/grpc-js';
import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { FieldViolation } from '@syfo/contracts';
import type { Logger } from 'pino';
import protobuf from 'protobufjs';
import { throwError, type Observable } from 'rxjs';

import { describeViolations, DomainError, DomainErrorCode } from './domain.error';

const GRPC_CODES: Record<DomainErrorCode, status> = {
  [DomainErrorCode.InvalidArgument]: status.INVALID_ARGUMENT,
  [DomainErrorCode.NotFound]: status.NOT_FOUND,
  [DomainErrorCode.AlreadyExists]: status.ALREADY_EXISTS,
  [DomainErrorCode.FailedPrecondition]: status.FAILED_PRECONDITION,
  [DomainErrorCode.PermissionDenied]: status.PERMISSION_DENIED,
};

// google.rpc.Status and google.rpc.BadRequest, declared by field number: the rich error model every
// gRPC client library understands, sent in the `grpc-status-details-bin` trailer.
const rpc = protobuf.Root.fromJSON({
  nested: {
    google: {
      nested: {
        protobuf: { nested: { Any: { fields: { type_url: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 } } } } },
        rpc: {
          nested: {
            Status: { fields: { code: { type: 'int32', id: 1 }, message: { type: 'string', id: 2 }, details: { rule: 'repeated', type: 'google.protobuf.Any', id: 3 } } },
            BadRequest: {
              fields: { field_violations: { rule: 'repeated', type: 'FieldViolation', id: 1 } },
              nested: { FieldViolation: { fields: { field: { type: 'string', id: 1 }, description: { type: 'string', id: 2 }, reason: { type: 'string', id: 3 } } } },
            },
          },
        },
      },
    },
  },
});
const StatusType = rpc.lookupType('google.rpc.Status');
const BadRequestType = rpc.lookupType('google.rpc.BadRequest');

export function encodeStatusDetails(code: status, message: string, violations: readonly FieldViolation[]): Buffer {
  const badRequest = BadRequestType.encode({
    field_violations: violations.map((violation) => ({ field: toProtoPath(violation.field), description: violation.message, reason: violation.rule })),
  }).finish();
  const details = violations.length > 0 ? [{ type_url: 'type.googleapis.com/google.rpc.BadRequest', value: badRequest }] : [];
  return Buffer.from(StatusType.encode({ code, message, details }).finish());
}

export function decodeBadRequest(details: Buffer): { field: string; description: string; reason: string }[] {
  const decoded = StatusType.toObject(StatusType.decode(details), { defaults: true }) as { details: { type_url: string; value: Uint8Array }[] };
  return decoded.details
    .filter((any) => any.type_url.endsWith('google.rpc.BadRequest'))
    .flatMap((any) => (BadRequestType.toObject(BadRequestType.decode(any.value), { defaults: true }) as { field_violations: { field: string; description: string; reason: string }[] }).field_violations);
}

/** Field paths in the request's own (snake_case) names, as the .proto spells them. */
function toProtoPath(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Maps domain errors to gRPC status codes with field details; anything else is INTERNAL, without its message. */
@Catch()
export class GrpcExceptionFilter implements ExceptionFilter {
  public constructor(private readonly logger: Logger) {}

  public catch(exception: unknown): Observable<never> {
    if (exception instanceof DomainError) {
      const code = GRPC_CODES[exception.code];
      // Field names as the caller wrote them in its request: the .proto's, not our camelCase.
      const message = describeViolations(exception.headline, exception.violations, toProtoPath);
      const metadata = new Metadata();
      metadata.set('grpc-status-details-bin', encodeStatusDetails(code, message, exception.violations));
      return throwError(() => ({ code, message, details: message, metadata }));
    }
    const rpcError = (exception as { getError?: () => unknown })?.getError?.();
    if (rpcError && typeof rpcError === 'object' && 'code' in rpcError) return throwError(() => rpcError);
    this.logger.error({ err: exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : String(exception) }, 'gRPC call failed');
    return throwError(() => ({ code: status.INTERNAL, message: 'internal error', details: 'internal error' }));
  }
}
