import type { MessageLogReactionsTable, MessageLogTable } from '../../database/index.js';

/** A complete row as one event contributes it; the repository merges it into what is stored. */
export type MessageLogRow = MessageLogTable;
export type ReactionRow = MessageLogReactionsTable;

/** Receipt ranks: the stored status only ever moves right. */
export const MESSAGE_STATUSES = ['sent', 'delivered', 'read', 'played'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const STATUS_RANK: Readonly<Record<string, number>> = { delivered: 1, read: 2, played: 3 };

/** What an event that says nothing about a column contributes: the identity of every merge rule. */
export function neutralRow(deviceId: string, messageId: string): MessageLogRow {
  return {
    device_id: deviceId,
    message_id: messageId,
    chat_id: null,
    has_message: 0,
    sender_id: null,
    sender_name: null,
    is_from_me: null,
    is_group: null,
    sent_at: null,
    received_at: null,
    kind: null,
    text: null,
    media_kind: null,
    media_path: null,
    media_url: null,
    media_mime_type: null,
    media_filename: null,
    media_caption: null,
    contacts: null,
    location: null,
    reply_to_message_id: null,
    quoted_text: null,
    view_once: null,
    forwarded: null,
    status_rank: 0,
    delivered_at: null,
    read_at: null,
    played_at: null,
    read_by_me: 0,
    read_by_me_at: null,
    edited_text: null,
    edited_at: null,
    edit_id: null,
    revoked: 0,
    revoked_at: null,
    deleted: 0,
    deleted_at: null,
  };
}

/** The columns only the `message` event itself writes (it is authoritative for them). */
export const MESSAGE_COLUMNS = [
  'sender_id', 'sender_name', 'is_from_me', 'is_group', 'sent_at', 'received_at', 'kind', 'text', 'media_kind',
  'media_path', 'media_url', 'media_mime_type', 'media_filename', 'media_caption', 'contacts', 'location',
  'reply_to_message_id', 'quoted_text', 'view_once', 'forwarded',
] as const satisfies readonly (keyof MessageLogRow)[];
