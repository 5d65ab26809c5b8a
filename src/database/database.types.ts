import type { Generated } from 'kysely';

export type InboxStatus = 'pending' | 'processing' | 'done' | 'dead' | 'unrecognized';

/** Times are epoch milliseconds in both databases, so comparisons and arithmetic agree. */
export interface InboxEventsTable {
  id: Generated<number>;
  delivery_id: string;
  idempotency_key: string;
  gateway_event: string;
  device_id: string | null;
  chat_id: string | null;
  /** Partition for ordering: events with the same key are dispatched one at a time, in id order. */
  chat_key: string;
  raw_body: Buffer;
  status: InboxStatus;
  attempts: number;
  available_at: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  received_at: number;
  finished_at: number | null;
}

export interface InboxDedupeKeysTable {
  key: string;
  delivery_id: string;
  expires_at: number;
}

export interface HandlerOutcomesTable {
  delivery_id: string;
  handler: string;
  status: 'succeeded' | 'failed';
  attempts: number;
  last_error: string | null;
  duration_ms: number;
  updated_at: number;
}

/**
 * `sending`: claimed, the gateway may or may not have it (a crash or a timeout left it so);
 * `sent`: the gateway confirmed it; `failed`: nothing was sent (a refusal, or the text could not be prepared).
 */
export type OutgoingStatus = 'sending' | 'sent' | 'failed';

export interface OutgoingMessagesTable {
  key: string;
  purpose: string;
  delivery_id: string;
  chat_id: string;
  status: OutgoingStatus;
  gateway_message_id: string | null;
  /** Failed tries so far (sending or preparing the text), each retried by the inbox. */
  failures: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

export interface DatabaseSchema {
  inbox_events: InboxEventsTable;
  inbox_dedupe_keys: InboxDedupeKeysTable;
  handler_outcomes: HandlerOutcomesTable;
  outgoing_messages: OutgoingMessagesTable;
}
