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
 * One logged message per (device, message id), upserted by every message-family event. Each
 * column has a commutative, idempotent merge rule (see `src/features/message-log/`), so the row
 * is the same whatever order its events arrive in. Booleans are 0/1 integers in both databases.
 */
export interface MessageLogTable {
  /** The gateway account; '' when the gateway (v7) did not say. */
  device_id: string;
  message_id: string;
  chat_id: string | null;
  /** 1 once the `message` event itself was stored (other events may create the row first). */
  has_message: number;
  sender_id: string | null;
  sender_name: string | null;
  is_from_me: number | null;
  is_group: number | null;
  sent_at: number | null;
  received_at: number | null;
  kind: string | null;
  text: string | null;
  media_kind: string | null;
  media_path: string | null;
  media_url: string | null;
  media_mime_type: string | null;
  media_filename: string | null;
  media_caption: string | null;
  /** JSON array of shared contacts, or null. */
  contacts: string | null;
  /** JSON object of the shared location, or null. */
  location: string | null;
  reply_to_message_id: string | null;
  quoted_text: string | null;
  view_once: number | null;
  forwarded: number | null;
  /** 0 none, 1 delivered, 2 read, 3 played: only ever rises. */
  status_rank: number;
  delivered_at: number | null;
  read_at: number | null;
  played_at: number | null;
  read_by_me: number;
  read_by_me_at: number | null;
  edited_text: string | null;
  edited_at: number | null;
  edit_id: string | null;
  revoked: number;
  revoked_at: number | null;
  deleted: number;
  deleted_at: number | null;
}

/** The current reaction of one person to one message ('' = removed); the latest reaction wins. */
export interface MessageLogReactionsTable {
  device_id: string;
  message_id: string;
  reactor_id: string;
  emoji: string;
  reacted_at: number | null;
  reaction_id: string;
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
  message_log: MessageLogTable;
  message_log_reactions: MessageLogReactionsTable;
  outgoing_messages: OutgoingMessagesTable;
}
