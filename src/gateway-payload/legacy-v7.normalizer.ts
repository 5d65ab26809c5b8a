import { quoteName } from './gateway-envelope.js';
import { jidOf, legacySender } from './legacy-v7-fields.js';
import {
  legacyDeletePayload,
  legacyEditPayload,
  legacyMessageEvent,
  legacyRevokePayload,
} from './legacy-v7-message.normalizer.js';
import { isRecord, type JsonRecord } from './plain-json.js';

export type NormalizedBody =
  | { readonly ok: true; readonly body: JsonRecord }
  | { readonly ok: false; readonly gatewayEvent: string; readonly reason: string };

/** v7 protocol events were flat messages with an `action`; each maps to one current event. */
const LEGACY_ACTIONS: ReadonlyMap<string, { event: string; payload: (body: JsonRecord) => JsonRecord }> = new Map([
  ['message_revoked', { event: 'message.revoked', payload: legacyRevokePayload }],
  ['message_edited', { event: 'message.edited', payload: legacyEditPayload }],
  ['event.delete_for_me', { event: 'message.deleted', payload: legacyDeletePayload }],
]);

/**
 * Rewrites a v7 (legacy) body into the current envelope, so that validation and mapping exist
 * once and a handler cannot tell which shape the gateway sent. Current envelopes pass through.
 * Only the shape is changed here; types are left for the DTOs to check.
 */
export function normalizeLegacyV7(body: JsonRecord): NormalizedBody {
  if (Object.hasOwn(body, 'event')) {
    // v7 receipts and group events already had `{event, payload, timestamp}` but no device.
    return { ok: true, body: Object.hasOwn(body, 'device_id') ? body : legacyEnvelope(body) };
  }
  if (Object.hasOwn(body, 'action')) return legacyAction(body);
  if (Object.hasOwn(body, 'message') || Object.hasOwn(body, 'sender_id')) {
    const { event, payload } = legacyMessageEvent(body);
    return { ok: true, body: envelope(event, body, payload) };
  }
  return { ok: true, body };
}

function legacyAction(body: JsonRecord): NormalizedBody {
  const action = body.action;
  const known = typeof action === 'string' ? LEGACY_ACTIONS.get(action) : undefined;
  if (known === undefined) {
    const name = typeof action === 'string' && action !== '' ? action.slice(0, 100) : 'unknown';
    return { ok: false, gatewayEvent: name, reason: `unknown legacy action ${quoteName(name)}` };
  }
  return { ok: true, body: envelope(known.event, body, known.payload(body)) };
}

/** v7 acks wrote `from` as `"<sender> in <group>"` and added `sender_id`. */
function legacyEnvelope(body: JsonRecord): JsonRecord {
  if (body.event !== 'message.ack' || !isRecord(body.payload)) return body;
  const payload = body.payload;
  const { from } = legacySender(payload);
  return { ...body, payload: { ...payload, from, chat_id: jidOf(payload.chat_id) } };
}

/** Flat v7 bodies become `{event, payload}`; a device id, when a late v7 sent one, is kept. */
function envelope(event: string, body: JsonRecord, payload: JsonRecord): JsonRecord {
  const result: JsonRecord = { event, payload };
  if (body.device_id !== undefined) result.device_id = body.device_id;
  if (body.session_id !== undefined) result.session_id = body.session_id;
  return result;
}
