import type { Kysely, Migration } from 'kysely';

const TEXT_COLUMNS = [
  'chat_id', 'sender_id', 'sender_name', 'kind', 'text', 'media_kind', 'media_path', 'media_url', 'media_mime_type',
  'media_filename', 'media_caption', 'contacts', 'location', 'reply_to_message_id', 'quoted_text', 'edited_text', 'edit_id',
] as const;
const NULLABLE_INT_COLUMNS = ['is_from_me', 'is_group', 'view_once', 'forwarded'] as const;
const TIME_COLUMNS = ['sent_at', 'received_at', 'delivered_at', 'read_at', 'played_at', 'read_by_me_at', 'edited_at', 'revoked_at', 'deleted_at'] as const;
const COUNTER_COLUMNS = ['has_message', 'status_rank', 'read_by_me', 'revoked', 'deleted'] as const;

/**
 * The message log: one row per (device, message id) and one per (device, message id, reactor).
 * Keyed without the chat on purpose: a "delete for me" may come without a chat id, and one chat
 * can be named by its phone JID in one event and by its LID in another; WhatsApp message ids are
 * random (64–128 bits), so they do not collide across chats of one account.
 */
export function messageLogMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      let table = db.schema
        .createTable('message_log')
        .addColumn('device_id', 'text', (col) => col.notNull())
        .addColumn('message_id', 'text', (col) => col.notNull());
      for (const name of TEXT_COLUMNS) table = table.addColumn(name, 'text');
      for (const name of NULLABLE_INT_COLUMNS) table = table.addColumn(name, 'integer');
      for (const name of TIME_COLUMNS) table = table.addColumn(name, 'bigint');
      for (const name of COUNTER_COLUMNS) table = table.addColumn(name, 'integer', (col) => col.notNull().defaultTo(0));
      await table.addPrimaryKeyConstraint('message_log_pk', ['device_id', 'message_id']).execute();
      // Listing a chat newest first (keyset paging on sent_at, message_id, device_id).
      await db.schema
        .createIndex('message_log_chat_idx')
        .on('message_log')
        .columns(['chat_id', 'sent_at', 'message_id', 'device_id'])
        .execute();

      await db.schema
        .createTable('message_log_reactions')
        .addColumn('device_id', 'text', (col) => col.notNull())
        .addColumn('message_id', 'text', (col) => col.notNull())
        .addColumn('reactor_id', 'text', (col) => col.notNull())
        .addColumn('emoji', 'text', (col) => col.notNull())
        .addColumn('reacted_at', 'bigint')
        .addColumn('reaction_id', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('message_log_reactions_pk', ['device_id', 'message_id', 'reactor_id'])
        .execute();
    },
  };
}
