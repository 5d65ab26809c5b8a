import type { MediaKind, SharedContact, SharedLocation } from '../../events/index.js';
import { MESSAGE_STATUSES, type MessageLogRow, type MessageStatus } from './message-log.rows.js';

/** One logged message as the query service returns it: its content, status, edit, revocation and reactions. */
export interface MessageLogEntry {
  readonly deviceId: string | null;
  readonly messageId: string;
  readonly chatId: string;
  readonly senderId: string | null;
  readonly senderName: string | null;
  readonly isFromMe: boolean;
  readonly isGroup: boolean;
  readonly sentAt: Date;
  readonly receivedAt: Date | null;
  /** `text`, a media kind, `contact`, `location`, `live_location` or `other`. */
  readonly kind: string;
  /** The original text or caption, as first sent (an edit does not replace it). */
  readonly text: string | null;
  readonly media: LoggedMedia | null;
  readonly contacts: readonly SharedContact[];
  readonly location: SharedLocation | null;
  readonly replyTo: { readonly messageId: string; readonly quotedText: string | null } | null;
  readonly viewOnce: boolean;
  readonly forwarded: boolean;
  /** Furthest receipt from any recipient: `sent` (none yet), `delivered`, `read`, `played`. */
  readonly status: MessageStatus;
  readonly deliveredAt: Date | null;
  readonly readAt: Date | null;
  readonly playedAt: Date | null;
  /** This account read it (on another device): a `read-self` receipt. */
  readonly readByMe: boolean;
  readonly edit: { readonly text: string; readonly editedAt: Date | null } | null;
  readonly revoked: boolean;
  readonly revokedAt: Date | null;
  readonly deleted: boolean;
  readonly deletedAt: Date | null;
  readonly reactions: readonly LoggedReaction[];
}

export interface LoggedMedia {
  readonly kind: MediaKind;
  readonly path: string | null;
  readonly url: string | null;
  readonly caption: string | null;
  readonly mimeType: string | null;
  readonly filename: string | null;
}

export interface LoggedReaction {
  readonly reactorId: string;
  readonly emoji: string;
  readonly reactedAt: Date | null;
}

const date = (value: number | null): Date | null => (value === null ? null : new Date(value));

/** Only rows whose `message` event arrived are listed, so `chat_id` and `sent_at` are set. */
export function toEntry(row: MessageLogRow, reactions: readonly LoggedReaction[]): MessageLogEntry {
  return {
    deviceId: row.device_id === '' ? null : row.device_id,
    messageId: row.message_id,
    chatId: row.chat_id ?? '',
    senderId: row.sender_id,
    senderName: row.sender_name,
    isFromMe: row.is_from_me === 1,
    isGroup: row.is_group === 1,
    sentAt: new Date(row.sent_at ?? 0),
    receivedAt: date(row.received_at),
    kind: row.kind ?? 'other',
    text: row.text,
    media: row.media_kind === null ? null : {
      kind: row.media_kind as MediaKind,
      path: row.media_path,
      url: row.media_url,
      caption: row.media_caption,
      mimeType: row.media_mime_type,
      filename: row.media_filename,
    },
    contacts: row.contacts === null ? [] : (JSON.parse(row.contacts) as SharedContact[]),
    location: row.location === null ? null : (JSON.parse(row.location) as SharedLocation),
    replyTo: row.reply_to_message_id === null ? null : { messageId: row.reply_to_message_id, quotedText: row.quoted_text },
    viewOnce: row.view_once === 1,
    forwarded: row.forwarded === 1,
    status: MESSAGE_STATUSES[row.status_rank] ?? 'sent',
    deliveredAt: date(row.delivered_at),
    readAt: date(row.read_at),
    playedAt: date(row.played_at),
    readByMe: row.read_by_me === 1,
    edit: row.edit_id === null ? null : { text: row.edited_text ?? '', editedAt: date(row.edited_at) },
    revoked: row.revoked === 1,
    revokedAt: date(row.revoked_at),
    deleted: row.deleted === 1,
    deletedAt: date(row.deleted_at),
    reactions,
  };
}
