import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { AppDatabase, DatabaseWriter } from '../../database/index.js';
import type { HandlerOutcome } from '../../events/index.js';
import type { BacklogStats, ClaimedDelivery, InboxRecord, InsertResult, NewDelivery, Settlement } from './inbox-record.js';
import { InboxRepository } from './inbox.repository.js';
import { insertDelivery } from './intake-insert.js';
import { storableText, toRecord } from './inbox-rows.js';
import { IS_OPEN, kyselyInbox } from './kysely-inbox-statements.js';
import { PostgresIntakeBatches } from './postgres-intake-batches.js';
import { sqliteInbox } from './sqlite-inbox-statements.js';
import { UnsyncedRows } from './unsynced-rows.js';

@Injectable()
export class KyselyInboxRepository extends InboxRepository {
  private readonly unsynced = new UnsyncedRows();
  private readonly intakeBatches?: PostgresIntakeBatches;

  /**
   * SQLite: the dispatcher's writes share the intake's batches (group commit), so fewer fsyncs block
   * the event loop per event. PostgreSQL: each write its own transaction, concurrent over the pool.
   */
  constructor(
    private readonly database: AppDatabase,
    private readonly commits: DatabaseWriter,
  ) {
    super();
    if (database.dialect === 'postgres') this.intakeBatches = new PostgresIntakeBatches(database.db);
  }

  private get db() {
    return this.database.db;
  }

  /**
   * Committed together with the other deliveries that arrived in the same turn: on SQLite in one
   * group commit, on PostgreSQL by one statement (`PostgresIntakeBatches`).
   */
  async insert(delivery: NewDelivery, dedupeWindowMs: number): Promise<InsertResult> {
    if (this.intakeBatches) return this.intakeBatches.insert(delivery, dedupeWindowMs);
    let rowId: number | undefined;
    const track = (id: number) => this.unsynced.add((rowId = id));
    try {
      return await this.commits.runPrepared(sqliteInbox.insert(delivery, dedupeWindowMs, track), (trx) => insertDelivery(trx, delivery, dedupeWindowMs));
    } finally {
      // Synced, or failed: a row whose sync failed stays (committed, unanswered) and is claimed like
      // any other; the gateway's retry of it is then a duplicate.
      if (rowId !== undefined) this.unsynced.delete(rowId);
    }
  }

  /**
   * PostgreSQL: `kyselyInbox.claimWithSucceededHandlers`, one statement (its own transaction), its
   * rows locked with SKIP LOCKED so replicas never claim the same one.
   * SQLite: `sqliteInbox.claim`, settled at commit: a lease lost in a power cut only means the
   * delivery runs again, which the results of its run (settled the same way) already allow.
   */
  async claim(workerId: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const claimed = this.database.dialect === 'postgres' ? await this.claimOnPostgres(workerId, limit, leaseMs) : await this.claimOnSqlite(workerId, limit, leaseMs);
    return claimed.sort((a, b) => a.id - b.id);
  }

  /** The succeeded handlers come with each row: one query fewer per delivery, on a server whose CPU is the limit. */
  private async claimOnPostgres(workerId: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows = await kyselyInbox.claimWithSucceededHandlers(this.db, workerId, limit, leaseMs, Date.now()).execute();
    return rows.map((row) => ({ ...toRecord(row), succeededHandlers: new Set(row.succeeded_handlers) }));
  }

  private async claimOnSqlite(workerId: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const now = Date.now();
    const rows = await this.commits.runPrepared(
      sqliteInbox.claim(workerId, limit, leaseMs, () => this.unsynced.claimableBelow),
      (trx) => kyselyInbox.claim(trx, workerId, limit, leaseMs, now, false).execute(),
      'committed',
    );
    return rows.map(toRecord);
  }

  async succeededHandlers(deliveryId: string): Promise<Set<string>> {
    if (this.database.sqlite) return sqliteInbox.succeededHandlers(deliveryId)(this.database.sqlite.connection);
    const rows = await this.db
      .selectFrom('handler_outcomes')
      .select('handler')
      .where('delivery_id', '=', deliveryId)
      .where('status', '=', 'succeeded')
      .execute();
    return new Set(rows.map((row) => row.handler));
  }

  /**
   * The handlers' outcomes and the delivery's result, written only while this worker still holds
   * the lease. SQLite: in the group commit, settled at commit (see `claim`). PostgreSQL: one
   * statement (the outcomes as a data-modifying CTE), so one round trip instead of four.
   */
  async settle(id: number, deliveryId: string, workerId: string, outcomes: readonly HandlerOutcome[], settlement: Settlement): Promise<void> {
    if (this.database.dialect === 'postgres') {
      await kyselyInbox.settlement(this.db, id, deliveryId, workerId, outcomes, settlement).execute();
      return;
    }
    await this.commits.runPrepared(sqliteInbox.settle(id, deliveryId, workerId, outcomes, settlement), async (trx) => {
      await kyselyInbox.outcomesUpsert(trx, deliveryId, outcomes, Date.now())?.execute();
      await kyselyInbox.settlement(trx, id, deliveryId, workerId, [], settlement).execute();
    }, 'committed');
  }

  /** Written only while this worker still holds the lease, as `settle` does. */
  async markUnrecognized(id: number, workerId: string, reason: string): Promise<void> {
    await this.commits.runStatement((db) => db
      .updateTable('inbox_events')
      .set({ status: 'unrecognized', finished_at: Date.now(), last_error: storableText(reason), locked_by: null, locked_until: null })
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .execute());
  }

  async releaseClaim(id: number, workerId: string): Promise<void> {
    await this.db
      .updateTable('inbox_events')
      .set({ status: 'pending', locked_by: null, locked_until: null })
      .where('id', '=', id)
      .where('status', '=', 'processing')
      .where('locked_by', '=', workerId)
      .execute();
  }

  async releaseClaims(workerId: string | 'all', except: readonly number[] = []): Promise<number> {
    const result = await this.db
      .updateTable('inbox_events')
      .set({ status: 'pending', locked_by: null, locked_until: null })
      .where('status', '=', 'processing')
      .$if(workerId !== 'all', (qb) => qb.where('locked_by', '=', workerId))
      .$if(except.length > 0, (qb) => qb.where('id', 'not in', [...except]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async replay(deliveryIds: readonly string[], options: { rerunSucceededHandlers: boolean }): Promise<number> {
    if (deliveryIds.length === 0) return 0;
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('inbox_events')
        .set({ status: 'pending', attempts: 0, available_at: Date.now(), finished_at: null, last_error: null })
        .where('delivery_id', 'in', deliveryIds)
        .where('status', 'in', ['done', 'dead', 'unrecognized'])
        .executeTakeFirst();
      if (options.rerunSucceededHandlers) {
        await trx.deleteFrom('handler_outcomes').where('delivery_id', 'in', deliveryIds).execute();
      }
      return Number(result.numUpdatedRows);
    });
  }

  async purgeProcessed(finishedBefore: number, batchSize: number): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const batch = await trx
        .selectFrom('inbox_events')
        .select(['id', 'delivery_id'])
        .where('status', '=', 'done')
        .where('finished_at', '<', finishedBefore)
        .orderBy('finished_at')
        .limit(batchSize)
        .execute();
      if (batch.length === 0) return 0;
      await trx.deleteFrom('handler_outcomes').where('delivery_id', 'in', batch.map((row) => row.delivery_id)).execute();
      await trx.deleteFrom('inbox_events').where('id', 'in', batch.map((row) => row.id)).execute();
      return batch.length;
    });
  }

  async purgeExpiredKeys(now: number, batchSize: number): Promise<number> {
    const result = await this.db
      .deleteFrom('inbox_dedupe_keys')
      .where('key', 'in', (eb) => eb.selectFrom('inbox_dedupe_keys').select('key').where('expires_at', '<=', now).limit(batchSize))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async hasDelivery(deliveryId: string): Promise<boolean> {
    const row = await this.db.selectFrom('inbox_events').select('id').where('delivery_id', '=', deliveryId).executeTakeFirst();
    return row !== undefined;
  }

  async findByDeliveryId(deliveryId: string): Promise<InboxRecord | undefined> {
    const row = await this.db.selectFrom('inbox_events').selectAll().where('delivery_id', '=', deliveryId).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async backlog(): Promise<BacklogStats> {
    const open = await this.db
      .selectFrom('inbox_events')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('received_at').as('oldest')])
      .where(IS_OPEN('inbox_events'))
      .executeTakeFirstOrThrow();
    const dead = await this.db
      .selectFrom('inbox_events')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('status', '=', 'dead')
      .executeTakeFirstOrThrow();
    const oldest = open.oldest === null ? null : Number(open.oldest);
    return { pending: Number(open.count), oldestPendingAgeMs: oldest === null ? null : Date.now() - oldest, dead: Number(dead.count) };
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }
}
