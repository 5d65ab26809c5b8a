import { claimedDeviceId, claimedEvent, type GatewayEnvelope, quoteName, readEnvelope } from './gateway-envelope.js';
import { normalizeLegacyV7 } from './legacy-v7.normalizer.js';
import type { IntakeDelivery, ParsedDelivery, UnrecognizedDelivery } from './parsed-delivery.js';
import type { PayloadRoute } from './payload-route.js';
import { PAYLOAD_ROUTES } from './payload-routes.js';
import { isRecord, JsonTooDeepError, toPlainJson, type JsonRecord } from './plain-json.js';

/**
 * Turns a signed webhook body (`JSON.parse` of the raw bytes) into the domain event it
 * describes, or says why it cannot. Pure and total: it never throws, whatever the input, because
 * an unrecognised body must still be acknowledged and kept. Reasons name fields and rules only,
 * never values, since values include message text.
 */
export function parseGatewayPayload(body: unknown): ParsedDelivery {
  return guarded(body, (routed) => parseRouted(routed));
}

/**
 * The ack path's parse: the event, device, chat and dedupe identity, read without validating the
 * rest of the payload (DTO validation and mapping cost more CPU than storing the delivery;
 * docs/PERFORMANCE.md). A body whose envelope, event or identity fields do not fit is parsed in
 * full, so it is kept as unrecognised with the same reason as before; the dispatcher parses the
 * others in full. Total, like `parseGatewayPayload`.
 */
export function identifyGatewayPayload(body: unknown): IntakeDelivery {
  return guarded(body, (routed) => {
    const identity = routed.route.identify(routed.envelope);
    if (identity === undefined) {
      // Each DTO requires what its reader reads, so the full parse finds the problem and names it.
      const parsed = parseRouted(routed);
      return parsed.kind === 'unrecognized' ? parsed : unrecognized(routed.gatewayEvent, routed.deviceId, 'identity fields unreadable');
    }
    const { event: gatewayEvent, deviceId } = routed.envelope;
    return { kind: 'identified', gatewayEvent, deviceId, chatId: identity.chatId, dedupe: identity.dedupe };
  });
}

interface Routed {
  readonly envelope: GatewayEnvelope;
  readonly route: PayloadRoute;
  readonly gatewayEvent: string;
  readonly deviceId?: string;
}

/** Plain JSON, legacy shape normalised, envelope checked, route found: or why not. */
function guarded<T extends ParsedDelivery | IntakeDelivery>(body: unknown, parse: (routed: Routed) => T): T | UnrecognizedDelivery {
  let plain: unknown;
  try {
    plain = toPlainJson(body);
  } catch (error) {
    return unrecognized('unknown', undefined, error instanceof JsonTooDeepError ? error.message : 'unreadable body');
  }
  if (!isRecord(plain)) return unrecognized('unknown', undefined, 'body is not a JSON object');
  try {
    const routed = routeRecord(plain);
    return 'kind' in routed ? routed : parse(routed);
  } catch (error) {
    // A bug of ours must not turn into a 500 and a retry storm: the delivery is kept instead.
    const kind = error instanceof Error ? error.name : typeof error;
    return unrecognized(claimedEvent(plain), claimedDeviceId(plain), `parser failed (${kind})`);
  }
}

function routeRecord(raw: JsonRecord): Routed | UnrecognizedDelivery {
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
  return { envelope, route, gatewayEvent, deviceId };
}

function parseRouted({ envelope, route, gatewayEvent, deviceId }: Routed): ParsedDelivery {
  const result = route.parse(envelope);
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
