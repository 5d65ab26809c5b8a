import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../../database/index.js';
import type { InsertResult, NewDelivery } from './inbox-record.js';
import { newRow } from './inbox-rows.js';
import { insertDeliveryInOneStatement } from './postgres-intake.js';

interface Pending {
  readonly delivery: NewDelivery;
  readonly resolve: (result: InsertResult) => void;
  readonly reject: (error: unknown) => void;
}

/** A statement's arrays grow with the batch; past this, the rest goes to another statement. */
const MAX_BATCH = 64;

/**
 * The intake on PostgreSQL, the deliveries that arrived in one turn of the event loop stored by one
 * statement: one transaction, one WAL flush and one round trip for the lot, where each webhook had
 * its own (PostgreSQL's CPU for those thousands of small transactions a second was the limit of
 * ingest and of the dispatcher beside it; docs/PERFORMANCE.md, PostgreSQL). Each caller is
 * answered once that statement has committed, with its own result, as `insertDeliveryInOneStatement`
 * answers: a free or expired key stores the delivery, a live one makes it a duplicate of the key's
 * owner. Batches run concurrently over the pool, as single statements did.
 *
 * - Two deliveries of a batch with one key: only the first goes to the statement (PostgreSQL refuses
 *   an `ON CONFLICT` that touches a row twice); the later one is a duplicate of whatever the first's
 *   key ended up with.
 * - Keys are claimed in key order, so two concurrent batches sharing keys wait for each other instead
 *   of deadlocking; events are stored in arrival order, so a chat's order is kept.
 * - A batch whose statement fails is retried one delivery per statement: one bad delivery fails alone.
 */
export class PostgresIntakeBatches {
  private readonly waiting = new Map<number, Pending[]>();
  private scheduled = false;

  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  insert(delivery: NewDelivery, dedupeWindowMs: number): Promise<InsertResult> {
    return new Promise((resolve, reject) => {
      // One statement takes one dedupe window (in practice there is only the configured one).
      const queue = this.waiting.get(dedupeWindowMs) ?? [];
      queue.push({ delivery, resolve, reject });
      this.waiting.set(dedupeWindowMs, queue);
      if (this.scheduled) return;
      this.scheduled = true;
      // setImmediate, not a microtask: the requests whose bodies arrived in the same I/O phase join.
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    this.scheduled = false;
    for (const [window, queue] of this.waiting) {
      for (let start = 0; start < queue.length; start += MAX_BATCH) void this.store(queue.slice(start, start + MAX_BATCH), window);
    }
    this.waiting.clear();
  }

  /** Never rejects: every caller of the batch is answered, with a result or its error. */
  private async store(batch: readonly Pending[], dedupeWindowMs: number): Promise<void> {
    const firsts = new Map<string, Pending>();
    for (const pending of batch) if (!firsts.has(pending.delivery.idempotencyKey)) firsts.set(pending.delivery.idempotencyKey, pending);
    let stored: ReadonlySet<string>;
    try {
      stored = await this.storeFirsts([...firsts.values()], dedupeWindowMs);
    } catch {
      // Which delivery broke the statement is unknown: each runs alone, and only its own error is its caller's.
      for (const pending of batch) insertDeliveryInOneStatement(this.db, pending.delivery, dedupeWindowMs).then(pending.resolve, pending.reject);
      return;
    }
    let owners: ReadonlyMap<string, string>;
    try {
      owners = await this.liveKeyOwners([...firsts.values()].filter((first) => !stored.has(first.delivery.deliveryId)));
    } catch (error) {
      // The stored deliveries are committed; only the duplicates' answers are lost (the gateway's retry gets them).
      for (const pending of batch) (stored.has(pending.delivery.deliveryId) ? pending.resolve({ inserted: true }) : pending.reject(error));
      return;
    }
    for (const pending of batch) {
      const { deliveryId, idempotencyKey } = pending.delivery;
      if (stored.has(deliveryId)) {
        pending.resolve({ inserted: true });
        continue;
      }
      // A later delivery of a key stored by this batch, or one whose key someone else holds.
      const first = firsts.get(idempotencyKey)!;
      const owner = stored.has(first.delivery.deliveryId) ? first.delivery.deliveryId : owners.get(idempotencyKey);
      if (owner === undefined) pending.reject(new Error(`no owner found for a live idempotency key`));
      else pending.resolve({ inserted: false, existingDeliveryId: owner });
    }
  }

  /** Claims each key and stores the deliveries whose key was free or expired; returns their delivery ids. */
  private async storeFirsts(firsts: readonly Pending[], dedupeWindowMs: number): Promise<Set<string>> {
    const rows = firsts.map(({ delivery }) => newRow(delivery));
    const column = <K extends keyof (typeof rows)[number]>(name: K) => rows.map((row) => row[name]);
    // Arrays, not a VALUES list: the statement's text is the same for every batch size, so it is
    // parsed and planned once per connection (`nameLongStatements`). Casts type the arrays.
    const { rows: taken } = await sql<{ delivery_id: string }>`
      with input as (
        select i.* from unnest(
          ${column('delivery_id')}::text[], ${column('idempotency_key')}::text[], ${column('gateway_event')}::text[],
          ${column('device_id')}::text[], ${column('chat_id')}::text[], ${column('chat_key')}::text[], ${column('raw_body')}::bytea[],
          ${column('status')}::text[], ${column('attempts')}::integer[], ${column('available_at')}::bigint[],
          ${column('last_error')}::text[], ${column('received_at')}::bigint[], ${column('finished_at')}::bigint[]
        ) with ordinality as i(delivery_id, idempotency_key, gateway_event, device_id, chat_id, chat_key, raw_body, status,
          attempts, available_at, last_error, received_at, finished_at, arrival)
      ), taken as (
        insert into inbox_dedupe_keys (key, delivery_id, expires_at)
        select idempotency_key, delivery_id, received_at + ${dedupeWindowMs}::bigint from input order by idempotency_key
        on conflict (key) do update set delivery_id = excluded.delivery_id, expires_at = excluded.expires_at
          where inbox_dedupe_keys.expires_at <= excluded.expires_at - ${dedupeWindowMs}::bigint
        returning delivery_id
      ), stored as (
        insert into inbox_events (delivery_id, idempotency_key, gateway_event, device_id, chat_id, chat_key, raw_body, status,
          attempts, available_at, last_error, received_at, finished_at)
        select i.delivery_id, i.idempotency_key, i.gateway_event, i.device_id, i.chat_id, i.chat_key, i.raw_body, i.status,
          i.attempts, i.available_at, i.last_error, i.received_at, i.finished_at
        from input as i join taken as t on t.delivery_id = i.delivery_id
        order by i.arrival
      )
      select delivery_id from taken`.execute(this.db);
    return new Set(taken.map((row) => row.delivery_id));
  }

  /**
   * Who holds the keys that were live. Read in a statement of its own, whose snapshot includes a
   * first delivery that a concurrent transaction committed while this one waited for its key.
   */
  private async liveKeyOwners(duplicates: readonly Pending[]): Promise<Map<string, string>> {
    if (duplicates.length === 0) return new Map();
    const keys = duplicates.map(({ delivery }) => delivery.idempotencyKey);
    const owners = await this.db.selectFrom('inbox_dedupe_keys').select(['key', 'delivery_id']).where('key', 'in', keys).execute();
    return new Map(owners.map((owner) => [owner.key, owner.delivery_id]));
  }
}
