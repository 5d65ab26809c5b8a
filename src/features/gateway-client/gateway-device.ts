import type { DeliveryMeta } from '../../events/index.js';

/**
 * The `X-Device-Id` to answer an event with: the session slot when the gateway sent one (v8.8+),
 * else the account JID; undefined for single-device gateways older than v8.
 */
export function deviceOf(event: DeliveryMeta): string | undefined {
  return event.sessionId ?? event.deviceId;
}
