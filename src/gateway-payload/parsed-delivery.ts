import type { DeliveryMeta, WhatsAppDomainEvent, WhatsAppEventName } from '../events/index.js';

/**
 * What identifies "the same event" when the gateway delivers it twice. The inbox turns this
 * into its idempotency key (see inbox/idempotency-key.ts).
 */
export type DedupeIdentity =
  | { readonly kind: 'message'; readonly messageId: string }
  | {
      readonly kind: 'receipt';
      readonly chatId: string;
      readonly senderId: string;
      readonly receiptType: string;
      readonly messageIds: readonly string[];
    }
  | {
      readonly kind: 'group';
      readonly chatId: string;
      readonly type: string;
      readonly jids: readonly string[];
      readonly timestamp?: string;
    }
  /** No natural key: the hash of the raw body is used. */
  | { readonly kind: 'body' };

/** A delivery whose payload fits the contract: it maps to exactly one domain event. */
export interface RecognizedDelivery {
  readonly kind: 'recognized';
  /** The gateway's event name (`message`, `message.ack`, …), also for legacy payloads. */
  readonly gatewayEvent: string;
  readonly deviceId?: string;
  readonly sessionId?: string;
  /** The conversation the event belongs to; events of one chat are dispatched in arrival order. */
  readonly chatId?: string;
  readonly dedupe: DedupeIdentity;
  readonly eventName: WhatsAppEventName;
  /** Builds the immutable domain event once the inbox has given the delivery its id. */
  readonly toDomainEvent: (meta: DeliveryMeta) => WhatsAppDomainEvent;
}

/** Signed, valid JSON that does not fit the contract: acknowledged and kept for inspection. */
export interface UnrecognizedDelivery {
  readonly kind: 'unrecognized';
  /** The event name the payload claims, or `unknown`. */
  readonly gatewayEvent: string;
  readonly deviceId?: string;
  /** Why it was not recognised; names fields, never echoes their values. */
  readonly reason: string;
}

export type ParsedDelivery = RecognizedDelivery | UnrecognizedDelivery;

/**
 * A delivery of a known event whose identity fields are readable, its payload not yet validated
 * (`identifyGatewayPayload`): what the ack path needs to dedupe and store it. The dispatcher
 * parses it in full; if the rest does not fit, it marks the delivery unrecognised then.
 */
export interface IdentifiedDelivery {
  readonly kind: 'identified';
  readonly gatewayEvent: string;
  readonly deviceId?: string;
  readonly chatId?: string;
  readonly dedupe: DedupeIdentity;
}

export type IntakeDelivery = IdentifiedDelivery | UnrecognizedDelivery;
