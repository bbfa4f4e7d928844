import { SickNoteReceivedEvent } from '@syfo/contracts';

import { decodeMessage, handlerKey } from './envelope-decoder';
import type { EventHandler } from './event-handler';

const handler: EventHandler = { event: SickNoteReceivedEvent, handle: async () => undefined };
const handlers = new Map([[handlerKey(SickNoteReceivedEvent.type, SickNoteReceivedEvent.version), handler]]);

const payload = {
  sickNoteId: '6f1c2a52-3b0c-4a8e-9d3e-2f0b7c1d9a10',
  personIdent: '01019012480',
  orgnr: '889640782',
  status: 'SENDT',
  issuedOn: '2025-01-06',
  periods: [{ fom: '2025-01-06', tom: '2025-01-19', type: 'FULL' }],
  receivedAt: '2025-01-06T08:00:00.000Z',
  version: 1,
  cancelled: false,
};
const envelope = {
  eventId: '0b9d3c5e-8c1f-4b55-9a41-7d2f0e6a1b23',
  type: 'intake.sick-note',
  version: 1,
  occurredAt: '2025-01-06T08:00:00.000Z',
  region: 'vest-viken',
  correlationId: 'c-1',
  payload,
};
const bytes = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

describe('decodeMessage', () => {
  it('accepts a valid envelope and payload for a known event', () => {
    const result = decodeMessage(bytes(envelope), handlers);
    expect(result).toMatchObject({ ok: true, handler, envelope: { eventId: envelope.eventId, payload: { personIdent: '01019012480' } } });
  });

  it.each([
    ['an empty message', null, 'empty_message'],
    ['bytes that are not JSON', bytes('{ nope'), 'not_json'],
  ])('parks %s', (_what, value, reason) => {
    expect(decodeMessage(value, handlers)).toEqual({ ok: false, reason, violations: [] });
  });

  it('names the envelope fields that are wrong', () => {
    const result = decodeMessage(bytes({ ...envelope, eventId: 'x', region: 'atlantis' }), handlers);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('invalid_envelope');
    expect(result.violations.map((violation) => violation.field).sort()).toEqual(['eventId', 'region']);
  });

  it('parks an event type or version no handler knows', () => {
    expect(decodeMessage(bytes({ ...envelope, version: 2 }), handlers)).toMatchObject({ ok: false, reason: 'unknown_event_type' });
  });

  it('names payload fields with their path and the rule they break', () => {
    const bad = { ...payload, personIdent: '01019012470', periods: [{ fom: '2025-01-19', tom: '2025-01-06', type: 'GRADED' }] };
    const result = decodeMessage(bytes({ ...envelope, payload: bad }), handlers);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('invalid_payload');
    expect(result.violations.map((violation) => `${violation.field} ${violation.rule}`)).toEqual(
      expect.arrayContaining(['payload.personIdent person_ident.control_digit_1', 'payload.periods[0].tom period.order', 'payload.periods[0].grade period.grade_required']),
    );
  });
});
