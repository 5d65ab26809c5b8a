import { type Kysely, type Migration, sql } from 'kysely';
import type { DatabaseDialect } from '../database.js';

/** The inbox, its dedupe keys and the per-handler outcome records. */
export function inboxMigration(dialect: DatabaseDialect): Migration {
  const idType = dialect === 'postgres' ? 'bigserial' : 'integer';
  const bytesType = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('inbox_events')
        .addColumn('id', idType, (col) => (dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement()))
        .addColumn('delivery_id', 'text', (col) => col.notNull().unique())
        .addColumn('idempotency_key', 'text', (col) => col.notNull())
        .addColumn('gateway_event', 'text', (col) => col.notNull())
        .addColumn('device_id', 'text')
        .addColumn('chat_id', 'text')
        .addColumn('chat_key', 'text', (col) => col.notNull())
        .addColumn('raw_body', bytesType, (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('available_at', 'bigint', (col) => col.notNull())
        .addColumn('locked_by', 'text')
        .addColumn('locked_until', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('received_at', 'bigint', (col) => col.notNull())
        .addColumn('finished_at', 'bigint')
        .execute();
      // Claiming scans open rows only; partial indexes keep that cheap with millions of finished rows.
      await sql`CREATE INDEX inbox_events_open_idx ON inbox_events (status, available_at, id)
        WHERE status IN ('pending', 'processing')`.execute(db);
      await sql`CREATE INDEX inbox_events_chat_open_idx ON inbox_events (chat_key, id)
        WHERE status IN ('pending', 'processing')`.execute(db);
      await db.schema.createIndex('inbox_events_finished_idx').on('inbox_events').columns(['status', 'finished_at']).execute();
      await db.schema.createIndex('inbox_events_received_idx').on('inbox_events').columns(['received_at']).execute();

      await db.schema
        .createTable('inbox_dedupe_keys')
        .addColumn('key', 'text', (col) => col.primaryKey())
        .addColumn('delivery_id', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('inbox_dedupe_keys_expires_idx').on('inbox_dedupe_keys').column('expires_at').execute();

      await db.schema
        .createTable('handler_outcomes')
        .addColumn('delivery_id', 'text', (col) => col.notNull())
        .addColumn('handler', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('attempts', 'integer', (col) => col.notNull())
        .addColumn('last_error', 'text')
        .addColumn('duration_ms', 'integer', (col) => col.notNull())
        .addColumn('updated_at', 'bigint', (col) => col.notNull())
        .addPrimaryKeyConstraint('handler_outcomes_pk', ['delivery_id', 'handler'])
        .execute();
    },
  };
}
