import { isKnownGatewayEvent } from '../gateway-payload/index.js';

/**
 * Label values must stay few and never carry request data: an event name a payload merely claims,
 * or an unexpected error code, collapses to `other` rather than creating a new series.
 */
export const OTHER = 'other';

/** The refusals a POST /webhook can end in (README "Answers"). */
export const REJECTION_REASONS = [
  'SIGNATURE_MISSING',
  'SIGNATURE_MALFORMED',
  'SIGNATURE_MISMATCH',
  'INVALID_JSON',
  'EMPTY_BODY',
  'PAYLOAD_TOO_LARGE',
  'INBOX_UNAVAILABLE',
] as const;

const KNOWN_REASONS: ReadonlySet<string> = new Set(REJECTION_REASONS);

export function eventLabel(gatewayEvent: string): string {
  return isKnownGatewayEvent(gatewayEvent) ? gatewayEvent : OTHER;
}

export function reasonLabel(code: string): string {
  return KNOWN_REASONS.has(code) ? code : OTHER;
}
