import type { Selectable } from 'kysely';
import type { InboxEventsTable } from '../../database/index.js';
import type { HandlerOutcome } from '../../events/index.js';
import type { InboxRecord, NewDelivery, Settlement } from './inbox-record.js';

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

/**
 * PostgreSQL `text` cannot hold U+0000, which any JSON string may carry (`"\u0000"`). Left in, a
 * signed event would fail its commit on every retry: a 503 the gateway repeats forever. The raw
 * body (bytea) keeps the exact value; only these searchable copies lose the NUL.
 */
export function storableText(value: string): string {
  return value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
}

const optionalText = (value: string | undefined): string | null => (value === undefined ? null : storableText(value));

export function newRow(delivery: NewDelivery) {
  const deviceId = optionalText(delivery.deviceId);
  const chatId = optionalText(delivery.chatId);
  return {
    delivery_id: delivery.deliveryId,
    idempotency_key: delivery.idempotencyKey,
    gateway_event: storableText(delivery.gatewayEvent),
    device_id: deviceId,
    chat_id: chatId,
    // Events without a chat have no order to keep: each is its own partition.
    chat_key: chatId ? `${deviceId ?? ''}|${chatId}` : `delivery|${delivery.deliveryId}`,
    raw_body: delivery.rawBody,
    status: delivery.status,
    attempts: 0,
    available_at: delivery.receivedAt,
    last_error: optionalText(delivery.lastError),
    received_at: delivery.receivedAt,
    finished_at: delivery.status === 'unrecognized' ? delivery.receivedAt : null,
  };
}

export function outcomeRow(deliveryId: string, outcome: HandlerOutcome, now: number) {
  return {
    delivery_id: deliveryId,
    handler: outcome.handler,
    status: outcome.ok ? ('succeeded' as const) : ('failed' as const),
    attempts: 1,
    last_error: optionalText(outcome.error),
    duration_ms: Math.round(outcome.durationMs),
    updated_at: now,
  };
}

/** The columns a settlement writes; `available_at` null means "leave it". */
export function settlementValues(settlement: Settlement, now: number) {
  switch (settlement.status) {
    case 'done':
      return { status: 'done' as const, available_at: null, finished_at: now, last_error: null };
    case 'pending':
      return { status: 'pending' as const, available_at: settlement.availableAt, finished_at: null, last_error: storableText(settlement.error) };
    case 'dead':
      return { status: 'dead' as const, available_at: null, finished_at: now, last_error: storableText(settlement.error) };
  }
}
