import fc from 'fast-check';
import { parseGatewayPayload } from './parse-gateway-payload.js';
import { DEVICE, envelope, fixtureNames, loadFixture, MINIMAL_PAYLOADS, reject } from './testing/gateway-fixtures.js';
import { MISSING_FIELD_CASES, REQUIRED_FIELDS, WRONG_TYPE_CASES } from './testing/invalid-payload.cases.js';

const SECRET = 'SECRET-message-text-0042';

function without(record: Record<string, unknown>, field: string): Record<string, unknown> {
  const { [field]: _removed, ...rest } = record;
  return rest;
}

describe('parseGatewayPayload on bodies that do not fit', () => {
  it.each([[[]], [null], [42], ['x'], [true], [[{ event: 'message' }]]])('rejects the non-object JSON %j', (body) => {
    expect(parseGatewayPayload(body)).toEqual({ kind: 'unrecognized', gatewayEvent: 'unknown', reason: 'body is not a JSON object' });
  });

  it('rejects an unknown event, keeping its name and device', () => {
    expect(reject(envelope('xyz', {}))).toEqual({ kind: 'unrecognized', gatewayEvent: 'xyz', deviceId: DEVICE, reason: 'unknown event "xyz"' });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('rejects the event name %s as unknown', (event) => {
    expect(reject(envelope(event, {})).reason).toBe(`unknown event ${JSON.stringify(event)}`);
  });

  it.each([
    [{ device_id: DEVICE, payload: {} }, '"event" must be a non-empty string'],
    [{ event: 42, device_id: DEVICE, payload: {} }, '"event" must be a non-empty string'],
    [{ event: 'message', device_id: DEVICE }, '"payload" must be a JSON object'],
    [{ event: 'message', device_id: DEVICE, payload: [] }, '"payload" must be a JSON object'],
    [{ event: 'message', device_id: 5, payload: MINIMAL_PAYLOADS.message }, '"device_id" must be a string'],
    [{ event: 'message', device_id: DEVICE, session_id: 1, payload: MINIMAL_PAYLOADS.message }, '"session_id" must be a string'],
    [{ event: 'message', device_id: DEVICE, timestamp: 'noon', payload: MINIMAL_PAYLOADS.message }, '"timestamp" must be an RFC3339 date-time'],
  ])('rejects the envelope %j', (body, reason) => {
    expect(reject(body).reason).toBe(reason);
  });

  it.each(Object.entries(REQUIRED_FIELDS))('builds the minimal %s payload from exactly its required fields', (event, fields) => {
    expect(Object.keys(MINIMAL_PAYLOADS[event]).sort()).toEqual([...fields].sort());
  });

  it.each(MISSING_FIELD_CASES)('rejects %s without %s', (event, field) => {
    expect(reject(envelope(event, without(MINIMAL_PAYLOADS[event], field))).reason).toBe(`invalid "${event}" payload: ${field} is required`);
  });

  it.each(MISSING_FIELD_CASES)('rejects %s with %s set to null (Go nil) as missing', (event, field) => {
    expect(reject(envelope(event, { ...MINIMAL_PAYLOADS[event], [field]: null })).reason).toContain(`${field} is required`);
  });

  it.each(WRONG_TYPE_CASES)('rejects %s with a wrong %s (%j)', (event, field, value, path) => {
    const rejected = reject(envelope(event, { ...MINIMAL_PAYLOADS[event], [field]: value }));
    expect({ gatewayEvent: rejected.gatewayEvent, reason: rejected.reason }).toEqual({
      gatewayEvent: event,
      reason: expect.stringMatching(new RegExp(`^invalid "${event.replace('.', '\\.')}" payload: ${path} fails \\w+`)),
    });
  });

  it.each([
    ['a missing id', { body: SECRET, chat_id: SECRET, from: SECRET }],
    ['a body of the wrong type', { ...MINIMAL_PAYLOADS.message, body: [SECRET] }],
    ['a caption of the wrong type', { ...MINIMAL_PAYLOADS.message, image: { path: 1, caption: SECRET } }],
    ['an unparsable timestamp', { ...MINIMAL_PAYLOADS.message, timestamp: SECRET }],
    ['a contact of the wrong shape', { ...MINIMAL_PAYLOADS.message, contact: { displayName: 1, vcard: SECRET } }],
  ])('never echoes payload values in the reason (%s)', (_case, payload) => {
    expect(reject(envelope('message', payload)).reason).not.toContain(SECRET);
  });

  it('never echoes an out-of-list value in the reason', () => {
    expect(reject(envelope('group.participants', { ...MINIMAL_PAYLOADS['group.participants'], type: SECRET })).reason).not.toContain(SECRET);
  });
});

describe('parseGatewayPayload against prototype pollution', () => {
  const POLLUTING = `{"event":"message","device_id":"d","__proto__":{"polluted":"yes"},"payload":{"id":"M","chat_id":"c@s.whatsapp.net","from":"f@s.whatsapp.net","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"contact":{"__proto__":{"polluted":"yes"}},"contacts_array":[{"__proto__":{"polluted":"yes"}}]}}`;

  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('still recognizes a payload carrying __proto__ and constructor keys', () => {
    expect(parseGatewayPayload(JSON.parse(POLLUTING)).kind).toBe('recognized');
  });

  it('does not pollute Object.prototype', () => {
    const parsed = parseGatewayPayload(JSON.parse(POLLUTING));
    if (parsed.kind === 'recognized') parsed.toDomainEvent({ deliveryId: 'd', receivedAt: new Date() });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not let a __proto__ key supply a required field', () => {
    const body = JSON.parse('{"event":"message","device_id":"d","payload":{"__proto__":{"id":"M","chat_id":"c","from":"f"}}}') as unknown;
    expect(reject(body).reason).toBe('invalid "message" payload: id is required; chat_id is required; from is required');
  });

  it('ignores payload keys named like Object.prototype members', () => {
    const names = [...Object.getOwnPropertyNames(Object.prototype).filter((name) => name !== '__proto__'), 'then', 'toJSON'];
    const shadowing = Object.fromEntries(names.map((name) => [name, 'x']));
    const payload = { ...MINIMAL_PAYLOADS.message, ...shadowing, contact: shadowing, location: shadowing };
    expect(parseGatewayPayload(envelope('message', payload)).kind).toBe('recognized');
  });

  it('does not let a v7 body pollute through its message object', () => {
    parseGatewayPayload(JSON.parse('{"sender_id":"1","chat_id":"2","message":{"__proto__":{"polluted":"yes"},"id":"M"}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseGatewayPayload never throws', () => {
  it('rejects a body nested deeper than any payload', () => {
    let deep: unknown = 'x';
    for (let level = 0; level < 100_000; level += 1) deep = { a: deep };
    expect(reject(envelope('message', { ...MINIMAL_PAYLOADS.message, referral: deep })).reason).toBe('JSON nested deeper than 64 levels');
  });

  it.each([[undefined], [() => 1], [Symbol('s')], [10n], [new Date(0)], [new Map()]])('rejects the non-JSON value %p', (body) => {
    expect(parseGatewayPayload(body).kind).toBe('unrecognized');
  });

  it('returns a delivery for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => ['recognized', 'unrecognized'].includes(parseGatewayPayload(body).kind)),
      { numRuns: 500 },
    );
  });

  it('returns a delivery for any value in any known field of any event', () => {
    const events = Object.keys(MINIMAL_PAYLOADS);
    const fields = [...new Set([...Object.values(MINIMAL_PAYLOADS).flatMap(Object.keys), 'image', 'contact', 'contacts_array', 'location', 'messages', 'timestamp'])];
    const body = fc.record({
      event: fc.constantFrom(...events),
      device_id: fc.string(),
      payload: fc.dictionary(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 })),
    });
    fc.assert(fc.property(body, (b) => ['recognized', 'unrecognized'].includes(parseGatewayPayload(b).kind)), { numRuns: 1000 });
  });

  it('returns a delivery for every fixture with any payload key replaced by any JSON value', () => {
    const fixtures = fixtureNames().map(loadFixture);
    const mutation = fc.tuple(fc.nat(fixtures.length - 1), fc.nat(40), fc.jsonValue({ maxDepth: 2 }));
    fc.assert(
      fc.property(mutation, ([index, keyIndex, value]) => {
        const fixture = fixtures[index];
        const target = (typeof fixture.payload === 'object' && fixture.payload !== null ? fixture.payload : fixture) as Record<string, unknown>;
        const keys = Object.keys(target);
        const mutated = { ...target, [keys[keyIndex % keys.length]]: value };
        const body = target === fixture ? mutated : { ...fixture, payload: mutated };
        return ['recognized', 'unrecognized'].includes(parseGatewayPayload(body).kind);
      }),
      { numRuns: 1000 },
    );
  });
});
