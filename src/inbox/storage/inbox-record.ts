import type { InboxStatus } from '../../database/index.js';

/** A delivery as the dispatcher and the admin see it. */
export interface InboxRecord {
  readonly id: number;
  readonly deliveryId: string;
  readonly gatewayEvent: string;
  readonly deviceId: string | null;
  readonly chatId: string | null;
  readonly rawBody: Buffer;
  readonly status: InboxStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly receivedAt: Date;
  readonly finishedAt: Date | null;
}

/** A delivery leased to a worker by a claim. */
export interface ClaimedDelivery extends InboxRecord {
  /**
   * The handlers that already succeeded for it, when the claim read them in its own statement
   * (PostgreSQL); otherwise `InboxRepository.succeededHandlers` reads them. Only the delivery's own
   * runs change them while it is leased, so either way they are what its run must skip.
   */
  readonly succeededHandlers?: ReadonlySet<string>;
}

/** What the webhook hands to the inbox for one accepted request. */
export interface NewDelivery {
  readonly deliveryId: string;
  readonly idempotencyKey: string;
  readonly gatewayEvent: string;
  readonly deviceId?: string;
  readonly chatId?: string;
  readonly rawBody: Buffer;
  /** `unrecognized` deliveries are kept for inspection and never dispatched. */
  readonly status: 'pending' | 'unrecognized';
  readonly lastError?: string;
  readonly receivedAt: number;
}

export type InsertResult = { readonly inserted: true } | { readonly inserted: false; readonly existingDeliveryId: string };

export interface BacklogStats {
  readonly pending: number;
  readonly oldestPendingAgeMs: number | null;
  readonly dead: number;
}

/** How a delivery's run ended, as stored: done, due again later, or dead-lettered. */
export type Settlement =
  | { readonly status: 'done' }
  | { readonly status: 'pending'; readonly availableAt: number; readonly error: string }
  | { readonly status: 'dead'; readonly error: string };
