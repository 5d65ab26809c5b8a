import type { Selectable } from 'kysely';
import type { InboxEventsTable } from '../../database/index.js';
import type { InboxRecord } from './inbox-record.js';

export function toRecord(row: Selectable<InboxEventsTable>): InboxRecord {
  return {
    id: Number(row.id),
    deliveryId: row.delivery_id,
    gatewayEvent: row.gateway_event,
    deviceId: row.device_id,
    chatId: row.chat_id,
    rawBody: Buffer.isBuffer(row.raw_body) ? row.raw_body : Buffer.from(row.raw_body as Uint8Array),
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    receivedAt: new Date(Number(row.received_at)),
    finishedAt: row.finished_at === null ? null : new Date(Number(row.finished_at)),
  };
}

