import { isGatewayTimestamp } from './gateway-timestamp.js';
import { isRecord, type JsonRecord } from './plain-json.js';

/** The current (v8+) envelope, checked: every shape the gateway sends is normalised into this. */
export interface GatewayEnvelope {
  readonly event: string;
  readonly deviceId?: string;
  readonly sessionId?: string;
  /** Raw RFC3339 string, kept as sent (it is part of some dedupe keys). */
  readonly timestamp?: string;
  readonly payload: JsonRecord;
}

export type EnvelopeResult =
  | { readonly ok: true; readonly envelope: GatewayEnvelope }
  | { readonly ok: false; readonly reason: string };

/** Longer names are cut when labelling a rejected body: it is stored and logged. */
const MAX_EVENT_NAME = 100;

/** The event name a body claims, for labelling it even when it is rejected. */
export function claimedEvent(body: JsonRecord): string {
  return typeof body.event === 'string' && body.event !== '' ? body.event.slice(0, MAX_EVENT_NAME) : 'unknown';
}

export function claimedDeviceId(body: JsonRecord): string | undefined {
  return typeof body.device_id === 'string' ? body.device_id : undefined;
}

/** Checks the envelope fields; the payload itself is checked by the event's DTO. */
export function readEnvelope(body: JsonRecord): EnvelopeResult {
  const { event, device_id: deviceId, session_id: sessionId, timestamp, payload } = body;
  if (typeof event !== 'string' || event === '') return fail('"event" must be a non-empty string');
  if (deviceId !== undefined && typeof deviceId !== 'string') return fail('"device_id" must be a string');
  if (sessionId !== undefined && typeof sessionId !== 'string') return fail('"session_id" must be a string');
  if (timestamp !== undefined && !isGatewayTimestamp(timestamp)) {
    return fail('"timestamp" must be an RFC3339 date-time');
  }
  if (!isRecord(payload)) return fail('"payload" must be a JSON object');
  return { ok: true, envelope: { event, deviceId, sessionId, timestamp, payload } };
}

function fail(reason: string): EnvelopeResult {
  return { ok: false, reason };
}

/** Names an event or action in a reason without letting a long or odd string through whole. */
export function quoteName(name: string): string {
  return JSON.stringify(name.length > MAX_EVENT_NAME ? `${name.slice(0, MAX_EVENT_NAME)}…` : name);
}
