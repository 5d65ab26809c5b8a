import type { Kysely, Migration } from 'kysely';

/**
 * Messages this service sends through the gateway, one row per intended message, so an inbox retry
 * (or a replay of the same WhatsApp message) never sends a second one. `key` is chosen by the feature:
 * `<purpose>:<chat>/<message id>` for replies, `<purpose>:<delivery id>/<recipient>` for group notices.
 */
export function outgoingMessagesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('outgoing_messages')
        .addColumn('key', 'text', (col) => col.primaryKey())
        .addColumn('purpose', 'text', (col) => col.notNull())
        .addColumn('delivery_id', 'text', (col) => col.notNull())
        .addColumn('chat_id', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('gateway_message_id', 'text')
        .addColumn('failures', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .addColumn('updated_at', 'bigint', (col) => col.notNull())
        .execute();
      // The reply bot's per-chat rate limit counts recent replies of one purpose in one chat.
      await db.schema.createIndex('outgoing_messages_chat_idx').on('outgoing_messages').columns(['chat_id', 'purpose', 'created_at']).execute();
      await db.schema.createIndex('outgoing_messages_delivery_idx').on('outgoing_messages').column('delivery_id').execute();
    },
  };
}
