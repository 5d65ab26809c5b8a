import type { GatewayEnvelope } from '../gateway-envelope.js';
import { toDate } from '../gateway-timestamp.js';

/** When the event happened: the payload's own timestamp if it has one, else the envelope's. */
export function eventTime(payloadTimestamp: string | undefined, envelope: GatewayEnvelope): Date | undefined {
  return toDate(payloadTimestamp ?? envelope.timestamp);
}

/** An empty string carries no information (v7 and some v8 fields send `""` for "none"). */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

/** Best display name: the saved contact name, else the sender's own push name. */
export function displayName(payload: { sender_display_name?: string; from_name?: string }): string | undefined {
  return nonEmpty(payload.sender_display_name) ?? nonEmpty(payload.from_name);
}
