import { Injectable } from '@nestjs/common';
import { AppDatabase } from '../../database/index.js';
import { type LoggedReaction, type MessageLogEntry, toEntry } from './message-log.entry.js';

/** Keyset position in a chat listed newest first: the last entry of the previous page. */
export interface MessageLogCursor {
  readonly sentAt: number;
  readonly messageId: string;
  readonly deviceId: string;
}

export interface MessageLogPage {
  readonly items: readonly MessageLogEntry[];
  /** Where the next page starts; null when this page was the last. */
  readonly next: MessageLogCursor | null;
}

export interface ListChatOptions {
  readonly limit: number;
  readonly cursor?: MessageLogCursor;
  /** Only this gateway account's copy of the chat. */
  readonly deviceId?: string;
}

/** Reads the message log: one chat at a time, newest first, with each message's reactions. */
@Injectable()
export class MessageLogQueryService {
  constructor(private readonly database: AppDatabase) {}

  async listChat(chatId: string, options: ListChatOptions): Promise<MessageLogPage> {
    const { cursor } = options;
    let query = this.database.db
      .selectFrom('message_log')
      .selectAll()
      .where('chat_id', '=', chatId)
      .where('has_message', '=', 1);
    if (options.deviceId !== undefined) query = query.where('device_id', '=', options.deviceId);
    if (cursor) {
      query = query.where((eb) =>
        eb.or([
          eb('sent_at', '<', cursor.sentAt),
          eb.and([eb('sent_at', '=', cursor.sentAt), eb('message_id', '<', cursor.messageId)]),
          eb.and([eb('sent_at', '=', cursor.sentAt), eb('message_id', '=', cursor.messageId), eb('device_id', '<', cursor.deviceId)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('sent_at', 'desc')
      .orderBy('message_id', 'desc')
      .orderBy('device_id', 'desc')
      .limit(options.limit)
      .execute();
    const reactions = await this.reactionsOf(rows.map((row) => row.message_id));
    const items = rows.map((row) => toEntry(row, reactions.get(`${row.device_id}\n${row.message_id}`) ?? []));
    const last = rows.at(-1);
    const full = rows.length === options.limit && last !== undefined;
    return { items, next: full ? { sentAt: last.sent_at ?? 0, messageId: last.message_id, deviceId: last.device_id } : null };
  }

  /** Current reactions (removals left out) keyed by device and message, in a stable order. */
  private async reactionsOf(messageIds: readonly string[]): Promise<Map<string, LoggedReaction[]>> {
    const byMessage = new Map<string, LoggedReaction[]>();
    if (messageIds.length === 0) return byMessage;
    const rows = await this.database.db
      .selectFrom('message_log_reactions')
      .selectAll()
      .where('message_id', 'in', [...new Set(messageIds)])
      .where('emoji', '<>', '')
      .orderBy('reactor_id')
      .execute();
    for (const row of rows) {
      const key = `${row.device_id}\n${row.message_id}`;
      const list = byMessage.get(key) ?? [];
      list.push({ reactorId: row.reactor_id, emoji: row.emoji, reactedAt: row.reacted_at === null ? null : new Date(row.reacted_at) });
      byMessage.set(key, list);
    }
    return byMessage;
  }
}
