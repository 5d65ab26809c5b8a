import { Injectable } from '@nestjs/common';
import { type MessageLogEntry, MessageLogQueryService } from '../features/message-log/index.js';
import type { ChatMessagesQuery } from './dto/chat-messages.query.js';
import type { LoggedMessageDto, LoggedMessagePageDto } from './dto/logged-message.dto.js';
import { decodeMessageCursor, encodeMessageCursor } from './message-log-cursor.js';

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

/** The admin's view of the message log: one chat, newest first. */
@Injectable()
export class AdminMessageLogService {
  constructor(private readonly messages: MessageLogQueryService) {}

  async listChat(chatId: string, query: ChatMessagesQuery): Promise<LoggedMessagePageDto> {
    const cursor = query.cursor === undefined ? undefined : decodeMessageCursor(query.cursor);
    const page = await this.messages.listChat(chatId, { limit: query.limit, cursor, deviceId: query.device });
    return { items: page.items.map(toDto), nextCursor: page.next === null ? null : encodeMessageCursor(page.next) };
  }
}

function toDto(entry: MessageLogEntry): LoggedMessageDto {
  return {
    messageId: entry.messageId,
    chatId: entry.chatId,
    deviceId: entry.deviceId,
    senderId: entry.senderId,
    senderName: entry.senderName,
    isFromMe: entry.isFromMe,
    isGroup: entry.isGroup,
    sentAt: entry.sentAt.toISOString(),
    kind: entry.kind,
    text: entry.text,
    media: entry.media,
    contacts: [...entry.contacts],
    location: entry.location,
    replyTo: entry.replyTo,
    viewOnce: entry.viewOnce,
    forwarded: entry.forwarded,
    status: entry.status,
    deliveredAt: iso(entry.deliveredAt),
    readAt: iso(entry.readAt),
    playedAt: iso(entry.playedAt),
    readByMe: entry.readByMe,
    edit: entry.edit === null ? null : { text: entry.edit.text, editedAt: iso(entry.edit.editedAt) },
    revoked: entry.revoked,
    revokedAt: iso(entry.revokedAt),
    deleted: entry.deleted,
    deletedAt: iso(entry.deletedAt),
    reactions: entry.reactions.map((r) => ({ reactorId: r.reactorId, emoji: r.emoji, reactedAt: iso(r.reactedAt) })),
  };
}
