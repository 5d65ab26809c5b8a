import type { Transaction } from 'kysely';
import type { DatabaseSchema } from '../../database/index.js';
import type { InsertResult, NewDelivery } from './inbox-record.js';
import { newRow } from './inbox-rows.js';

/**
 * One delivery's part of an intake commit: claim its idempotency key, and store the delivery only
 * if the key was free (or expired). Never throws for a duplicate, so it cannot roll back the other
 * deliveries committed in the same batch.
 */
export async function insertDelivery(trx: Transaction<DatabaseSchema>, delivery: NewDelivery, dedupeWindowMs: number): Promise<InsertResult> {
  const now = delivery.receivedAt;
  // Only an expired key may be taken over; a live one (committed earlier, earlier in this batch,
  // or by another replica that got there first) makes this delivery a duplicate.
  const taken = await trx
    .insertInto('inbox_dedupe_keys')
    .values({ key: delivery.idempotencyKey, delivery_id: delivery.deliveryId, expires_at: now + dedupeWindowMs })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ delivery_id: (eb) => eb.ref('excluded.delivery_id'), expires_at: (eb) => eb.ref('excluded.expires_at') })
        .where('inbox_dedupe_keys.expires_at', '<=', now),
    )
    .returning('delivery_id')
    .executeTakeFirst();
  if (taken?.delivery_id !== delivery.deliveryId) {
    const winner = await trx.selectFrom('inbox_dedupe_keys').select('delivery_id').where('key', '=', delivery.idempotencyKey).executeTakeFirstOrThrow();
    return { inserted: false, existingDeliveryId: winner.delivery_id };
  }
  await trx.insertInto('inbox_events').values(newRow(delivery)).execute();
  return { inserted: true };
}
