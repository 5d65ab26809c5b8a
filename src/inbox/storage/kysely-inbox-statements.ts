import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema, InboxEventsTable, InboxStatus } from '../../database/index.js';
import type { HandlerOutcome } from '../../events/index.js';
import type { Settlement } from './inbox-record.js';
import { outcomeRow, settlementValues } from './inbox-rows.js';

/**
 * Statuses as SQL literals, not bound parameters: SQLite uses a partial index only when the query's
 * WHERE visibly implies the index's, which a `?` never does. With parameters, claiming scanned every
 * open row once per candidate (350 ms at a 5,000 backlog, blocking the event loop; see
 * docs/PERFORMANCE.md).
 */
const PENDING = sql.lit<InboxStatus>('pending');
const PROCESSING = sql.lit<InboxStatus>('processing');
export const IS_OPEN = (alias: 'c' | 'e' | 'inbox_events') => sql<boolean>`${sql.ref(`${alias}.status`)} in ('pending', 'processing')`;

/**
 * Every column of a delivery, named (a missing one is a compile error): a claim that returned `*`
 * could not be a named prepared statement on PostgreSQL, whose result type must not change under
 * it when another replica's migration adds a column (`nameLongStatements`).
 */
const DELIVERY_COLUMNS = Object.keys({
  id: true, delivery_id: true, idempotency_key: true, gateway_event: true, device_id: true, chat_id: true, chat_key: true, raw_body: true,
  status: true, attempts: true, available_at: true, locked_by: true, locked_until: true, last_error: true, received_at: true, finished_at: true,
} satisfies Record<keyof InboxEventsTable, true>) as (keyof InboxEventsTable)[];

/**
 * The dispatcher's writes as Kysely queries: PostgreSQL's, and SQLite's without a prepared
 * connection (`DatabaseWriter.runPrepared`). They do what `sqliteInbox` does with prepared statements.
 */
export const kyselyInbox = {
  /**
   * Leases up to `limit` due deliveries that have no earlier open delivery in their chat, oldest
   * first; `forUpdate` (PostgreSQL) locks them with SKIP LOCKED so replicas never claim the same one.
   */
  claim(db: Kysely<DatabaseSchema>, workerId: string, limit: number, leaseMs: number, now: number, forUpdate: boolean) {
    return db
      .updateTable('inbox_events')
      .set((eb) => ({ status: 'processing', locked_by: workerId, locked_until: now + leaseMs, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('inbox_events as c')
          .select('c.id')
          .where((w) =>
            w.or([
              w.and([w('c.status', '=', PENDING), w('c.available_at', '<=', now)]),
              w.and([w('c.status', '=', PROCESSING), w('c.locked_until', '<', now)]),
            ]),
          )
          .where(({ not, exists, selectFrom }) =>
            not(exists(
              selectFrom('inbox_events as e')
                .select(sql<number>`1`.as('one'))
                .whereRef('e.chat_key', '=', 'c.chat_key')
                .whereRef('e.id', '<', 'c.id')
                .where(IS_OPEN('e')),
            )),
          )
          .orderBy('c.id')
          .limit(limit)
          .$if(forUpdate, (qb) => qb.forUpdate().skipLocked()),
      )
      .returning(DELIVERY_COLUMNS);
  },

  /**
   * PostgreSQL's claim, each row with the handlers that already succeeded for it (a replayed
   * delivery's, or a retried one's), which the run skips: read by the same statement rather than
   * by one more query per delivery.
   */
  claimWithSucceededHandlers(db: Kysely<DatabaseSchema>, workerId: string, limit: number, leaseMs: number, now: number) {
    return kyselyInbox
      .claim(db, workerId, limit, leaseMs, now, true)
      .returning(
        sql<string[]>`array(select o.handler from handler_outcomes as o
          where o.delivery_id = inbox_events.delivery_id and o.status = 'succeeded')`.as('succeeded_handlers'),
      );
  },

  outcomesUpsert(db: Kysely<DatabaseSchema>, deliveryId: string, outcomes: readonly HandlerOutcome[], now: number) {
    if (outcomes.length === 0) return undefined;
    return db
      .insertInto('handler_outcomes')
      .values(outcomes.map((outcome) => outcomeRow(deliveryId, outcome, now)))
      .onConflict((oc) =>
        oc.columns(['delivery_id', 'handler']).doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          attempts: eb('handler_outcomes.attempts', '+', 1),
          last_error: eb.ref('excluded.last_error'),
          duration_ms: eb.ref('excluded.duration_ms'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      );
  },

  /** The delivery's result; with `outcomes`, their upsert rides along as a CTE (PostgreSQL only). */
  settlement(db: Kysely<DatabaseSchema>, id: number, deliveryId: string, workerId: string, outcomes: readonly HandlerOutcome[], settlement: Settlement) {
    const now = Date.now();
    const { available_at, ...values } = settlementValues(settlement, now);
    const result = { ...values, ...(available_at !== null && { available_at }), locked_by: null, locked_until: null };
    const upsert = kyselyInbox.outcomesUpsert(db, deliveryId, outcomes, now);
    if (upsert) {
      return db.with('recorded_outcomes', () => upsert).updateTable('inbox_events').set(result).where('id', '=', id).where('locked_by', '=', workerId);
    }
    return db.updateTable('inbox_events').set(result).where('id', '=', id).where('locked_by', '=', workerId);
  },
};
