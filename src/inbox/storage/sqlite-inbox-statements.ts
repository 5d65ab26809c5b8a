import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { InboxEventsTable } from '../../database/index.js';
import type { HandlerOutcome } from '../../events/index.js';
import type { InsertResult, NewDelivery, Settlement } from './inbox-record.js';
import { newRow, outcomeRow, settlementValues } from './inbox-rows.js';

/**
 * The inbox's per-event writes on SQLite, as prepared statements run synchronously inside a group
 * commit (`DatabaseWriter.runPrepared`). They do exactly what the Kysely versions in
 * `insertDelivery` and `kyselyInbox` do (those serve PostgreSQL); building and compiling them through Kysely
 * for every event cost more CPU than SQLite spent executing them (docs/PERFORMANCE.md).
 */
export const sqliteInbox = {
  /** An expired key may be taken over; a live one makes the delivery a duplicate. The new row's id goes to `unsynced`. */
  insert(delivery: NewDelivery, dedupeWindowMs: number, unsynced: (rowId: number) => void) {
    return (sqlite: BetterSqlite3.Database): InsertResult => {
      const statements = statementsOf(sqlite);
      const now = delivery.receivedAt;
      const taken = statements.takeKey.get(delivery.idempotencyKey, delivery.deliveryId, now + dedupeWindowMs, now) as { delivery_id: string } | undefined;
      if (taken?.delivery_id !== delivery.deliveryId) {
        const winner = statements.keyOwner.get(delivery.idempotencyKey) as { delivery_id: string };
        return { inserted: false, existingDeliveryId: winner.delivery_id };
      }
      unsynced(Number(statements.insertEvent.run(newRow(delivery)).lastInsertRowid));
      return { inserted: true };
    };
  },

  /**
   * Walks the open deliveries oldest first (`inbox_events_open_id_idx`, forced: the planner
   * otherwise gathers and sorts the whole backlog) and leases the due ones that have no earlier
   * open delivery in their chat, stopping at `limit` or at the first row not yet synced (`below`).
   */
  claim(workerId: string, limit: number, leaseMs: number, below: () => number) {
    return (sqlite: BetterSqlite3.Database) => {
      const now = Date.now();
      return statementsOf(sqlite).claim.all({ worker: workerId, until: now + leaseMs, now, limit, below: below() }) as Selectable<InboxEventsTable>[];
    };
  },

  /**
   * A read, run directly rather than in a group commit: it may land inside an open batch, whose
   * uncommitted writes it would see, but a delivery's outcomes are only written by its own run.
   */
  succeededHandlers(deliveryId: string) {
    return (sqlite: BetterSqlite3.Database): Set<string> =>
      new Set((statementsOf(sqlite).succeededHandlers.all(deliveryId) as { handler: string }[]).map((row) => row.handler));
  },

  /** The handlers' outcomes and the delivery's result, in one savepoint. */
  settle(id: number, deliveryId: string, workerId: string, outcomes: readonly HandlerOutcome[], settlement: Settlement) {
    return (sqlite: BetterSqlite3.Database): void => {
      const statements = statementsOf(sqlite);
      const now = Date.now();
      for (const outcome of outcomes) statements.recordOutcome.run(outcomeRow(deliveryId, outcome, now));
      statements.finish.run({ ...settlementValues(settlement, now), id, worker: workerId });
    };
  },
};

interface InboxStatements {
  readonly takeKey: BetterSqlite3.Statement;
  readonly keyOwner: BetterSqlite3.Statement;
  readonly insertEvent: BetterSqlite3.Statement;
  readonly claim: BetterSqlite3.Statement;
  readonly succeededHandlers: BetterSqlite3.Statement;
  readonly recordOutcome: BetterSqlite3.Statement;
  readonly finish: BetterSqlite3.Statement;
}

/** Prepared once per connection (tests open several). */
const prepared = new WeakMap<BetterSqlite3.Database, InboxStatements>();

function statementsOf(sqlite: BetterSqlite3.Database): InboxStatements {
  let statements = prepared.get(sqlite);
  if (!statements) {
    statements = prepare(sqlite);
    prepared.set(sqlite, statements);
  }
  return statements;
}

function prepare(sqlite: BetterSqlite3.Database): InboxStatements {
  return {
    takeKey: sqlite.prepare(
      `insert into inbox_dedupe_keys (key, delivery_id, expires_at) values (?, ?, ?)
       on conflict (key) do update set delivery_id = excluded.delivery_id, expires_at = excluded.expires_at
       where inbox_dedupe_keys.expires_at <= ?
       returning delivery_id`,
    ),
    keyOwner: sqlite.prepare('select delivery_id from inbox_dedupe_keys where key = ?'),
    insertEvent: sqlite.prepare(
      `insert into inbox_events (delivery_id, idempotency_key, gateway_event, device_id, chat_id, chat_key, raw_body, status,
         attempts, available_at, last_error, received_at, finished_at)
       values (@delivery_id, @idempotency_key, @gateway_event, @device_id, @chat_id, @chat_key, @raw_body, @status,
         @attempts, @available_at, @last_error, @received_at, @finished_at)`,
    ),
    claim: sqlite.prepare(
      `update inbox_events set status = 'processing', locked_by = @worker, locked_until = @until, attempts = attempts + 1
       where id in (
         select c.id from inbox_events as c indexed by inbox_events_open_id_idx
         where c.status in ('pending', 'processing') and c.id < @below
           and ((c.status = 'pending' and c.available_at <= @now) or (c.status = 'processing' and c.locked_until < @now))
           and not exists (
             select 1 from inbox_events as e
             where e.chat_key = c.chat_key and e.id < c.id and e.status in ('pending', 'processing'))
         order by c.id
         limit @limit)
       returning *`,
    ),
    succeededHandlers: sqlite.prepare(`select handler from handler_outcomes where delivery_id = ? and status = 'succeeded'`),
    recordOutcome: sqlite.prepare(
      `insert into handler_outcomes (delivery_id, handler, status, attempts, last_error, duration_ms, updated_at)
       values (@delivery_id, @handler, @status, @attempts, @last_error, @duration_ms, @updated_at)
       on conflict (delivery_id, handler) do update set status = excluded.status, attempts = handler_outcomes.attempts + 1,
         last_error = excluded.last_error, duration_ms = excluded.duration_ms, updated_at = excluded.updated_at`,
    ),
    finish: sqlite.prepare(
      `update inbox_events set status = @status, available_at = coalesce(@available_at, available_at), finished_at = @finished_at,
         last_error = @last_error, locked_by = null, locked_until = null
       where id = @id and locked_by = @worker`,
    ),
  };
}
