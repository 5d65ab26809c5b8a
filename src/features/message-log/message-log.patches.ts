import type {
  MessageDeletedEvent, MessageEditedEvent, MessageReactionEvent, MessageReceivedEvent, MessageRevokedEvent, ReceiptReceivedEvent,
  WhatsAppDomainEvent,
} from '../../events/index.js';
import { type MessageLogRow, neutralRow, type ReactionRow, STATUS_RANK } from './message-log.rows.js';

/**
 * Each event becomes the row it contributes; the repository merges it with a commutative rule
 * per column. Only event data goes in, never the time it was processed, so the same events give
 * the same rows in any order. (`receivedAt` is used only as the sent time of a message without a
 * timestamp: it belongs to that message's delivery and is the same on every retry.)
 */

const device = (event: WhatsAppDomainEvent): string => event.deviceId ?? '';
const ms = (date: Date | undefined): number | null => (date === undefined ? null : date.getTime());
const flag = (value: boolean): number => (value ? 1 : 0);

export function fromMessage(event: MessageReceivedEvent): MessageLogRow {
  const media = event.media;
  return {
    ...neutralRow(device(event), event.messageId),
    chat_id: event.chatId,
    has_message: 1,
    sender_id: event.senderId,
    sender_name: event.senderName ?? null,
    is_from_me: flag(event.isFromMe),
    is_group: flag(event.isGroup),
    sent_at: ms(event.timestamp) ?? event.receivedAt.getTime(),
    received_at: event.receivedAt.getTime(),
    kind: messageKind(event),
    text: event.text ?? null,
    media_kind: media?.kind ?? null,
    media_path: media?.path ?? null,
    media_url: media?.url ?? null,
    media_mime_type: media?.mimeType ?? null,
    media_filename: media?.filename ?? null,
    media_caption: media?.caption ?? null,
    contacts: event.contacts.length > 0 ? JSON.stringify(event.contacts) : null,
    location: event.location ? JSON.stringify(event.location) : null,
    reply_to_message_id: event.replyTo?.messageId ?? null,
    quoted_text: event.replyTo?.quotedText ?? null,
    view_once: flag(event.viewOnce),
    forwarded: flag(event.forwarded),
  };
}

function messageKind(event: MessageReceivedEvent): string {
  if (event.media) return event.media.kind;
  if (event.contacts.length > 0) return 'contact';
  if (event.location) return event.location.live ? 'live_location' : 'location';
  return event.text === undefined ? 'other' : 'text';
}

/** One row per message id; `read-self` (this account read it elsewhere) is kept apart from the recipients' status. */
export function fromReceipt(event: ReceiptReceivedEvent): MessageLogRow[] {
  const at = ms(event.timestamp);
  const rank = STATUS_RANK[event.receiptType] ?? 0;
  const readSelf = event.receiptType === 'read-self';
  if (rank === 0 && !readSelf) return [];
  return [...new Set(event.messageIds)].map((messageId) => ({
    ...neutralRow(device(event), messageId),
    chat_id: event.chatId,
    status_rank: rank,
    delivered_at: rank === 1 ? at : null,
    read_at: rank === 2 ? at : null,
    played_at: rank === 3 ? at : null,
    read_by_me: flag(readSelf),
    read_by_me_at: readSelf ? at : null,
  }));
}

export function fromEdit(event: MessageEditedEvent): MessageLogRow {
  return {
    ...neutralRow(device(event), event.originalMessageId),
    chat_id: event.chatId,
    edited_text: event.newText,
    edited_at: ms(event.timestamp),
    edit_id: event.messageId,
  };
}

export function fromRevoke(event: MessageRevokedEvent): MessageLogRow {
  return {
    ...neutralRow(device(event), event.revokedMessageId),
    chat_id: event.revokedChatId ?? event.chatId,
    revoked: 1,
    revoked_at: ms(event.timestamp),
  };
}

export function fromDelete(event: MessageDeletedEvent): MessageLogRow {
  return {
    ...neutralRow(device(event), event.deletedMessageId),
    chat_id: event.chatId ?? null,
    deleted: 1,
    deleted_at: ms(event.timestamp),
  };
}

/** A removal is stored as '' so a later-arriving older reaction cannot bring it back. */
export function fromReaction(event: MessageReactionEvent): ReactionRow {
  return {
    device_id: device(event),
    message_id: event.reactedMessageId,
    reactor_id: event.senderId,
    emoji: event.removed ? '' : event.reaction,
    reacted_at: ms(event.timestamp),
    reaction_id: event.messageId,
  };
}
