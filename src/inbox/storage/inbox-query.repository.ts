import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { AppDatabase, type InboxStatus } from '../../database/index.js';
import { storableText } from './inbox-rows.js';

/** What the admin may filter deliveries on; times are epoch ms on the received time (`from` inclusive, `to` exclusive). */
export interface InboxFilter {
  readonly status?: InboxStatus;
  readonly gatewayEvent?: string;
  readonly chatId?: string;
  readonly from?: number;
  readonly to?: number;
}

/** Keyset position after the last item of a page (newest first). */
export interface InboxCursor {
  readonly receivedAt: number;
  readonly id: number;
}

/** A delivery without its body: safe to list (the body holds message text). */
export interface DeliverySummary {
  readonly id: number;
  readonly deliveryId: string;
  readonly gatewayEvent: string;
  readonly deviceId: string | null;
  readonly chatId: string | null;
  readonly status: InboxStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly receivedAt: number;
  readonly finishedAt: number | null;
}

export interface HandlerAttempt {
  readonly handler: string;
  readonly status: 'succeeded' | 'failed';
  readonly attempts: number;
  readonly lastError: string | null;
  readonly durationMs: number;
  readonly updatedAt: number;
}

export interface DeliveryDetail extends DeliverySummary {
  readonly bodyBytes: number;
  readonly handlers: readonly HandlerAttempt[];
}

const SUMMARY_COLUMNS = [
  'id', 'delivery_id', 'gateway_event', 'device_id', 'chat_id', 'status', 'attempts', 'last_error', 'received_at', 'finished_at',
] as const;

/** Read-only inbox queries for the admin API; portable Kysely over SQLite and PostgreSQL. */
@Injectable()
export class InboxQueryRepository {
  constructor(private readonly database: AppDatabase) {}

  private get db() {
    return this.database.db;
  }

  /** Newest first, `limit` items after `cursor`. */
  async list(filter: InboxFilter, limit: number, cursor?: InboxCursor): Promise<DeliverySummary[]> {
    const rows = await this.filtered(filter)
      .select(SUMMARY_COLUMNS)
      .$if(cursor !== undefined, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('received_at', '<', cursor!.receivedAt),
            eb.and([eb('received_at', '=', cursor!.receivedAt), eb('id', '<', cursor!.id)]),
          ]),
        ),
      )
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toSummary);
  }

  /** Delivery ids matching the filter, oldest first (the order a replay should run in). */
  async deliveryIds(filter: InboxFilter, limit: number): Promise<string[]> {
    const rows = await this.filtered(filter).select('delivery_id').orderBy('id').limit(limit).execute();
    return rows.map((row) => row.delivery_id);
  }

  async detail(deliveryId: string): Promise<DeliveryDetail | undefined> {
    const row = await this.db
      .selectFrom('inbox_events')
      .select([...SUMMARY_COLUMNS, sql<number | string>`length(raw_body)`.as('body_bytes')])
      .where('delivery_id', '=', storableText(deliveryId))
      .executeTakeFirst();
    if (!row) return undefined;
    const handlers = await this.db
      .selectFrom('handler_outcomes')
      .select(['handler', 'status', 'attempts', 'last_error', 'duration_ms', 'updated_at'])
      .where('delivery_id', '=', storableText(deliveryId))
      .orderBy('handler')
      .execute();
    return {
      ...toSummary(row),
      bodyBytes: Number(row.body_bytes),
      handlers: handlers.map((h) => ({
        handler: h.handler,
        status: h.status,
        attempts: h.attempts,
        lastError: h.last_error,
        durationMs: h.duration_ms,
        updatedAt: Number(h.updated_at),
      })),
    };
  }

  private filtered(filter: InboxFilter) {
    return this.db
      .selectFrom('inbox_events')
      .$if(filter.status !== undefined, (qb) => qb.where('status', '=', filter.status!))
      .$if(filter.gatewayEvent !== undefined, (qb) => qb.where('gateway_event', '=', storableText(filter.gatewayEvent!)))
      .$if(filter.chatId !== undefined, (qb) => qb.where('chat_id', '=', storableText(filter.chatId!)))
      .$if(filter.from !== undefined, (qb) => qb.where('received_at', '>=', filter.from!))
      .$if(filter.to !== undefined, (qb) => qb.where('received_at', '<', filter.to!));
  }
}

interface SummaryRow {
  id: number;
  delivery_id: string;
  gateway_event: string;
  device_id: string | null;
  chat_id: string | null;
  status: InboxStatus;
  attempts: number;
  last_error: string | null;
  received_at: number;
  finished_at: number | null;
}

/** PostgreSQL returns bigint columns as strings; both databases store epoch ms. */
function toSummary(row: SummaryRow): DeliverySummary {
  return {
    id: Number(row.id),
    deliveryId: row.delivery_id,
    gatewayEvent: row.gateway_event,
    deviceId: row.device_id,
    chatId: row.chat_id,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    receivedAt: Number(row.received_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  };
}
