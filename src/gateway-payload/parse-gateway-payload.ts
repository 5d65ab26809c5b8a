import { claimedDeviceId, claimedEvent, quoteName, readEnvelope } from './gateway-envelope.js';
import { normalizeLegacyV7 } from './legacy-v7.normalizer.js';
import type { ParsedDelivery, UnrecognizedDelivery } from './parsed-delivery.js';
import { PAYLOAD_ROUTES } from './payload-routes.js';
import { isRecord, JsonTooDeepError, toPlainJson, type JsonRecord } from './plain-json.js';

/**
 * Turns a signed webhook body (`JSON.parse` of the raw bytes) into the domain event it
 * describes, or says why it cannot. Pure and total: it never throws, whatever the input, because
 * an unrecognised body must still be acknowledged and kept. Reasons name fields and rules only,
 * never values, since values include message text.
 */
export function parseGatewayPayload(body: unknown): ParsedDelivery {
  let plain: unknown;
  try {
    plain = toPlainJson(body);
  } catch (error) {
    return unrecognized('unknown', undefined, error instanceof JsonTooDeepError ? error.message : 'unreadable body');
  }
  if (!isRecord(plain)) return unrecognized('unknown', undefined, 'body is not a JSON object');
  try {
    return parseRecord(plain);
  } catch (error) {
    // A bug of ours must not turn into a 500 and a retry storm: the delivery is kept instead.
    const kind = error instanceof Error ? error.name : typeof error;
    return unrecognized(claimedEvent(plain), claimedDeviceId(plain), `parser failed (${kind})`);
  }
}

function parseRecord(raw: JsonRecord): ParsedDelivery {
  const normalized = normalizeLegacyV7(raw);
  if (!normalized.ok) return unrecognized(normalized.gatewayEvent, claimedDeviceId(raw), normalized.reason);
  const body = normalized.body;
  const gatewayEvent = claimedEvent(body);
  const deviceId = claimedDeviceId(body);

  const read = readEnvelope(body);
  if (!read.ok) return unrecognized(gatewayEvent, deviceId, read.reason);
  const { envelope } = read;

  const route = PAYLOAD_ROUTES.get(envelope.event);
  if (route === undefined) return unrecognized(gatewayEvent, deviceId, `unknown event ${quoteName(envelope.event)}`);

  const result = route(envelope);
  if (!result.ok) {
    return unrecognized(gatewayEvent, deviceId, `invalid ${quoteName(envelope.event)} payload: ${result.problems.join('; ')}`);
  }
  return {
    kind: 'recognized',
    gatewayEvent: envelope.event,
    deviceId: envelope.deviceId,
    sessionId: envelope.sessionId,
    ...result.mapped,
  };
}

function unrecognized(gatewayEvent: string, deviceId: string | undefined, reason: string): UnrecognizedDelivery {
  return deviceId === undefined
    ? { kind: 'unrecognized', gatewayEvent, reason }
    : { kind: 'unrecognized', gatewayEvent, deviceId, reason };
}
