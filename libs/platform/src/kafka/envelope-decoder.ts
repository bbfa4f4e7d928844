import { EnvelopeSchema, toFieldViolations, type Envelope, type FieldViolation } from '@syfo/contracts';

import type { EventHandler } from './event-handler';

export type DecodeResult =
  | { readonly ok: true; readonly envelope: Envelope; readonly handler: EventHandler }
  | { readonly ok: false; readonly reason: string; readonly violations: readonly FieldViolation[] };

/** Turns raw bytes into a validated envelope and payload for one of the group's handlers, or says why not. */
export function decodeMessage(value: Buffer | null, handlers: ReadonlyMap<string, EventHandler>): DecodeResult {
  if (value === null || value.length === 0) {
    return { ok: false, reason: 'empty_message', violations: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch {
    return { ok: false, reason: 'not_json', violations: [] };
  }
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { ok: false, reason: 'invalid_envelope', violations: toFieldViolations(envelope.error) };
  }
  const handler = handlers.get(handlerKey(envelope.data.type, envelope.data.version));
  if (!handler) {
    return { ok: false, reason: 'unknown_event_type', violations: [{ field: 'type', rule: 'known_type', message: `no handler for ${envelope.data.type} v${envelope.data.version}` }] };
  }
  const payload = handler.event.payload.safeParse(envelope.data.payload);
  if (!payload.success) {
    return {
      ok: false,
      reason: 'invalid_payload',
      violations: toFieldViolations(payload.error).map((violation) => ({ ...violation, field: `payload.${violation.field}` })),
    };
  }
  return { ok: true, envelope: { ...envelope.data, payload: payload.data }, handler };
}

export function handlerKey(type: string, version: number): string {
  return `${type}@v${version}`;
}
