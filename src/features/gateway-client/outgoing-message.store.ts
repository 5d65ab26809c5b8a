import { Injectable } from '@nestjs/common';
import { AppDatabase, type OutgoingMessagesTable } from '../../database/index.js';

/** One intended message: `purpose` + `key` identify it across retries, replays and replicas. */
export interface OutgoingRef {
  /** The feature sending it, e.g. `reply-bot`; part of the key and used by rate limits. */
  readonly purpose: string;
  /** Unique within the purpose: `<chat>/<message id>` for replies, `<delivery id>/<recipient>` otherwise. */
  readonly key: string;
  readonly deliveryId: string;
  /** The chat the message goes to. */
  readonly chatId: string;
}

export type Claim =
  | { readonly state: 'claimed' }
  | { readonly state: 'sent'; readonly messageId: string | null }
  | { readonly state: 'sending' };

/** The `outgoing_messages` table: portable Kysely queries for SQLite and PostgreSQL. */
@Injectable()
export class OutgoingMessageStore {
  constructor(private readonly database: AppDatabase) {}

  private get db() {
    return this.database.db;
  }

  find(ref: OutgoingRef): Promise<OutgoingMessagesTable | undefined> {
    return this.db.selectFrom('outgoing_messages').selectAll().where('key', '=', fullKey(ref)).executeTakeFirst();
  }

  /**
   * Takes the right to send: inserts the row as `sending`, or moves a `failed` row (nothing was
   * sent) back to `sending`. Conditional writes, so two replicas cannot both win.
   */
  async claim(ref: OutgoingRef): Promise<Claim> {
    const now = Date.now();
    const inserted = await this.db
      .insertInto('outgoing_messages')
      .values({ key: fullKey(ref), purpose: ref.purpose, delivery_id: ref.deliveryId, chat_id: ref.chatId, status: 'sending', failures: 0, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { state: 'claimed' };
    const retaken = await this.db
      .updateTable('outgoing_messages')
      .set({ status: 'sending', delivery_id: ref.deliveryId, updated_at: now })
      .where('key', '=', fullKey(ref))
      .where('status', '=', 'failed')
      .executeTakeFirst();
    if (Number(retaken.numUpdatedRows) === 1) return { state: 'claimed' };
    const row = await this.find(ref);
    return row?.status === 'sent' ? { state: 'sent', messageId: row.gateway_message_id } : { state: 'sending' };
  }

  async markSent(ref: OutgoingRef, messageId: string): Promise<void> {
    await this.db
      .updateTable('outgoing_messages')
      .set({ status: 'sent', gateway_message_id: messageId, last_error: null, updated_at: Date.now() })
      .where('key', '=', fullKey(ref))
      .execute();
  }

  /** Records a try that certainly sent nothing; returns the failures so far. Never touches a sent row. */
  async recordFailure(ref: OutgoingRef, reason: string): Promise<number> {
    const now = Date.now();
    await this.db
      .insertInto('outgoing_messages')
      .values({ key: fullKey(ref), purpose: ref.purpose, delivery_id: ref.deliveryId, chat_id: ref.chatId, status: 'failed', failures: 1, last_error: reason, created_at: now, updated_at: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({ status: 'failed', failures: eb('outgoing_messages.failures', '+', 1), last_error: reason, updated_at: now }))
          .where('outgoing_messages.status', '!=', 'sent'),
      )
      .execute();
    return (await this.find(ref))?.failures ?? 0;
  }

  /** Leaves the row `sending` (the gateway may have it) with the reason, for operators. */
  async recordUnconfirmed(ref: OutgoingRef, reason: string): Promise<void> {
    await this.db.updateTable('outgoing_messages').set({ last_error: reason, updated_at: Date.now() }).where('key', '=', fullKey(ref)).execute();
  }

  /**
   * Deletes up to `batchSize` settled rows (`sent` or `failed`) last touched before `before`.
   * `sending` rows stay: they are the only record that a message may have gone out.
   */
  async purgeSettled(before: number, batchSize: number): Promise<number> {
    const result = await this.db
      .deleteFrom('outgoing_messages')
      .where('key', 'in', (eb) =>
        eb.selectFrom('outgoing_messages').select('key').where('status', 'in', ['sent', 'failed']).where('updated_at', '<', before).limit(batchSize),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Messages of one purpose sent (or possibly sent) to one chat since `since` (epoch ms). */
  async countSince(purpose: string, chatId: string, since: number): Promise<number> {
    const row = await this.db
      .selectFrom('outgoing_messages')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('chat_id', '=', chatId)
      .where('purpose', '=', purpose)
      .where('created_at', '>=', since)
      .where('status', 'in', ['sending', 'sent'])
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}

function fullKey(ref: OutgoingRef): string {
  return `${ref.purpose}:${ref.key}`;
}
