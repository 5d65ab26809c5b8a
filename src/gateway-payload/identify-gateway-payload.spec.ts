import fc from 'fast-check';
import { identifyGatewayPayload, parseGatewayPayload } from './parse-gateway-payload.js';
import type { IntakeDelivery, ParsedDelivery } from './parsed-delivery.js';
import { envelope, fixtureNames, loadFixture, MINIMAL_PAYLOADS } from './testing/gateway-fixtures.js';
import { MISSING_FIELD_CASES, WRONG_TYPE_CASES } from './testing/invalid-payload.cases.js';

/** What the ack path stores of a fully parsed delivery. */
function intakeFacts(parsed: ParsedDelivery): IntakeDelivery {
  if (parsed.kind === 'unrecognized') return parsed;
  const { gatewayEvent, deviceId, chatId, dedupe } = parsed;
  return { kind: 'identified', gatewayEvent, deviceId, chatId, dedupe };
}

/** The fields each event's identity reader reads. */
const IDENTITY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  message: ['id', 'chat_id'],
  'message.reaction': ['id', 'chat_id'],
  'message.revoked': ['id', 'chat_id'],
  'message.edited': ['id', 'chat_id'],
  'message.deleted': ['deleted_message_id', 'chat_id'],
  'message.ack': ['ids', 'chat_id', 'from', 'receipt_type'],
  chat_presence: ['chat_id'],
  'group.participants': ['chat_id', 'type', 'jids'],
  'group.joined': ['chat_id', 'type', 'jids'],
  'label.edit': ['label_id'],
  'label.association': ['chat_id'],
  'newsletter.joined': ['newsletter_id'],
  'newsletter.left': ['newsletter_id'],
  'newsletter.message': ['newsletter_id'],
  'newsletter.mute': ['newsletter_id'],
  'call.offer': ['from'],
};

/**
 * The contract between the two parsers: whatever the body, a delivery the full parse recognises is
 * identified with exactly the facts (and so the idempotency key) the full parse gives, and a
 * delivery the ack path cannot identify is unrecognised for exactly the full parse's reason.
 */
function expectConsistent(body: unknown): IntakeDelivery {
  const identified = identifyGatewayPayload(body);
  const parsed = parseGatewayPayload(body);
  if (parsed.kind === 'recognized' || identified.kind === 'unrecognized') expect(identified).toEqual(intakeFacts(parsed));
  return identified;
}

describe('identifyGatewayPayload (the ack path)', () => {
  it.each(fixtureNames())('gives %s the facts the full parse gives', (name) => {
    expect(expectConsistent(loadFixture(name)).kind).toBe('identified');
  });

  it.each(Object.entries(MINIMAL_PAYLOADS))('gives the smallest %s the facts the full parse gives', (event, payload) => {
    expect(expectConsistent(envelope(event, payload)).kind).toBe('identified');
  });

  it('identifies a known event whose other fields do not fit; the full parse (at dispatch) does not recognise it', () => {
    const body = envelope('message', { ...MINIMAL_PAYLOADS.message, is_from_me: 'yes', image: 42 });
    expect(identifyGatewayPayload(body)).toEqual({
      kind: 'identified',
      gatewayEvent: 'message',
      deviceId: envelope('message', {}).device_id,
      chatId: '111@s.whatsapp.net',
      dedupe: { kind: 'message', messageId: 'M1' },
    });
    expect(parseGatewayPayload(body)).toMatchObject({ kind: 'unrecognized', reason: expect.stringMatching(/is_from_me/) });
  });

  it('reads an absent optional chat as no chat, and null as absent', () => {
    expect(identifyGatewayPayload(envelope('message.deleted', { deleted_message_id: 'M9', chat_id: null }))).toMatchObject({
      kind: 'identified',
      chatId: undefined,
      dedupe: { kind: 'message', messageId: 'deleted:M9' },
    });
  });

  /** The full parse refuses each of these; the ack path refuses exactly those whose field it reads. */
  const expectedAtIntake = (event: string, field: string) => (IDENTITY_FIELDS[event]!.includes(field) ? 'unrecognized' : 'identified');

  it.each(MISSING_FIELD_CASES)('%s without %s: refused at intake only if it is an identity field', (event, field) => {
    const payload: Record<string, unknown> = { ...MINIMAL_PAYLOADS[event] };
    delete payload[field];
    expect(parseGatewayPayload(envelope(event, payload)).kind).toBe('unrecognized');
    expect(expectConsistent(envelope(event, payload)).kind).toBe(expectedAtIntake(event, field));
  });

  it.each(WRONG_TYPE_CASES)('%s with a wrong %s: refused at intake only if it is an identity field', (event, field, value) => {
    const body = envelope(event, { ...MINIMAL_PAYLOADS[event], [field]: value });
    expect(parseGatewayPayload(body).kind).toBe('unrecognized');
    expect(expectConsistent(body).kind).toBe(expectedAtIntake(event, field));
  });

  it.each([
    ['message', { chat_id: 42 }],
    ['message.ack', { ids: [] }],
    ['message.ack', { ids: ['M1', 7] }],
    ['group.participants', { jids: 'x' }],
    ['group.joined', { type: 5 }],
    ['label.edit', { label_id: '' }],
    ['call.offer', { from: ['x'] }],
  ])('keeps %s with unreadable identity %j unrecognised at intake', (event, change) => {
    const identified = expectConsistent(envelope(event, { ...MINIMAL_PAYLOADS[event], ...change }));
    expect(identified.kind).toBe('unrecognized');
  });

  it('keeps what the envelope step refuses unrecognised, with the full parse reason', () => {
    for (const body of [[1], 'text', { event: 'poll.vote', payload: {} }, { event: 'message', payload: 'x' }, { action: 'nope' }]) {
      expect(expectConsistent(body).kind).toBe('unrecognized');
    }
  });

  it('stays consistent with the full parse when a field of any event is set to any JSON value', () => {
    const events = Object.keys(MINIMAL_PAYLOADS);
    fc.assert(
      fc.property(
        fc.constantFrom(...events),
        fc.constantFrom('id', 'chat_id', 'from', 'ids', 'jids', 'type', 'receipt_type', 'deleted_message_id', 'label_id', 'newsletter_id', 'body'),
        fc.jsonValue({ maxDepth: 2 }),
        (event, field, value) => {
          const identified = expectConsistent(envelope(event, { ...MINIMAL_PAYLOADS[event], [field]: value }));
          // Otherwise valid: so a value the DTO refuses in an identity field is refused at intake too.
          if (IDENTITY_FIELDS[event]!.includes(field)) {
            expect(identified.kind).toBe(parseGatewayPayload(envelope(event, { ...MINIMAL_PAYLOADS[event], [field]: value })).kind === 'recognized' ? 'identified' : 'unrecognized');
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
