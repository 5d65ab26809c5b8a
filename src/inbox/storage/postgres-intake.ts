import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../../database/index.js';
import type { InsertResult, NewDelivery } from './inbox-record.js';
import { newRow } from './inbox-rows.js';

/**
 * The intake on PostgreSQL as one statement: claim the idempotency key and, only if it was free
 * (or expired), store the delivery. One statement is one transaction, so this is as atomic as
 * `insertDelivery` in a transaction, in one network round trip instead of four (BEGIN, two
 * inserts, COMMIT), each of which held one of the pool's connections that the dispatcher needs too
 * (docs/PERFORMANCE.md, round 3). A data-modifying CTE runs whether or not the outer query reads it.
 */
export async function insertDeliveryInOneStatement(db: Kysely<DatabaseSchema>, delivery: NewDelivery, dedupeWindowMs: number): Promise<InsertResult> {
  const now = delivery.receivedAt;
  const row = newRow(delivery);
  // Casts: parameters in an INSERT … SELECT list would otherwise be typed text.
  const { rows } = await sql<{ delivery_id: string }>`
    with taken as (
      insert into inbox_dedupe_keys (key, delivery_id, expires_at)
      values (${row.idempotency_key}, ${row.delivery_id}, ${now + dedupeWindowMs})
      on conflict (key) do update set delivery_id = excluded.delivery_id, expires_at = excluded.expires_at
        where inbox_dedupe_keys.expires_at <= ${now}
      returning delivery_id
    ), stored as (
      insert into inbox_events (delivery_id, idempotency_key, gateway_event, device_id, chat_id, chat_key, raw_body, status,
        attempts, available_at, last_error, received_at, finished_at)
      select delivery_id, ${row.idempotency_key}::text, ${row.gateway_event}::text, ${row.device_id}::text, ${row.chat_id}::text,
        ${row.chat_key}::text, ${row.raw_body}::bytea, ${row.status}::text, ${row.attempts}::integer, ${row.available_at}::bigint,
        ${row.last_error}::text, ${row.received_at}::bigint, ${row.finished_at}::bigint
      from taken
    )
    select delivery_id from taken`.execute(db);
  if (rows.length > 0) return { inserted: true };
  // A live key: a duplicate. Read in a statement of its own, whose snapshot includes a first
  // delivery that a concurrent transaction committed while this one waited for its key.
  const winner = await db.selectFrom('inbox_dedupe_keys').select('delivery_id').where('key', '=', delivery.idempotencyKey).executeTakeFirstOrThrow();
  return { inserted: false, existingDeliveryId: winner.delivery_id };
}
