import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DeliveryMeta, WhatsAppDomainEvent } from '../../events/index.js';
import { parseGatewayPayload } from '../parse-gateway-payload.js';
import type { DedupeIdentity, RecognizedDelivery, UnrecognizedDelivery } from '../parsed-delivery.js';

/** Test support: the gateway's own documentation examples and small builders around the parser. */

export const FIXTURES_DIR = path.resolve(process.cwd(), '../shared/gowa/fixtures');

/** Listed from disk, so a fixture added later is covered without editing the specs. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

export function loadFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, name), 'utf8')) as Record<string, unknown>;
}

export const META: DeliveryMeta = { deliveryId: 'delivery-1', receivedAt: new Date('2026-03-01T00:00:00Z') };

export function recognize(body: unknown): RecognizedDelivery {
  const parsed = parseGatewayPayload(body);
  if (parsed.kind !== 'recognized') throw new Error(`expected recognized, got: ${parsed.reason}`);
  return parsed;
}

export function reject(body: unknown): UnrecognizedDelivery {
  const parsed = parseGatewayPayload(body);
  if (parsed.kind !== 'unrecognized') throw new Error(`expected unrecognized, got ${parsed.eventName}`);
  return parsed;
}

export function domainEventOf(body: unknown): WhatsAppDomainEvent {
  return recognize(body).toDomainEvent(META);
}

export const DEVICE = '628123456789@s.whatsapp.net';

/** A current (v8+) envelope around a payload. */
export function envelope(event: string, payload: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { event, device_id: DEVICE, timestamp: '2026-01-22T12:00:00Z', payload, ...extra };
}

/** The smallest valid payload of each of the 16 events, built from CONTRACT.md. */
export const MINIMAL_PAYLOADS: Readonly<Record<string, Record<string, unknown>>> = {
  message: { id: 'M1', chat_id: '111@s.whatsapp.net', from: '222@s.whatsapp.net' },
  'message.reaction': { id: 'M2', chat_id: '111@s.whatsapp.net', from: '222@s.whatsapp.net', reacted_message_id: 'M1' },
  'message.revoked': { id: 'M3', chat_id: '111@s.whatsapp.net', from: '222@s.whatsapp.net', revoked_message_id: 'M1' },
  'message.edited': { id: 'M4', chat_id: '111@s.whatsapp.net', from: '222@s.whatsapp.net', original_message_id: 'M1' },
  'message.deleted': { deleted_message_id: 'M1' },
  'message.ack': { ids: ['M1'], chat_id: '111@s.whatsapp.net', from: '222@s.whatsapp.net', receipt_type: 'read' },
  chat_presence: { chat_id: '111@s.whatsapp.net', from: '222@s.whatsapp.net', state: 'composing' },
  'group.participants': { chat_id: '120363000000000001@g.us', type: 'join', jids: ['222@s.whatsapp.net'] },
  'group.joined': { chat_id: '120363000000000001@g.us', jids: [DEVICE] },
  'label.edit': { label_id: '9' },
  'label.association': { label_id: '9', labeled: true, chat_id: '111@s.whatsapp.net' },
  'newsletter.joined': { newsletter_id: '120363123456789@newsletter' },
  'newsletter.left': { newsletter_id: '120363123456789@newsletter' },
  'newsletter.message': { newsletter_id: '120363123456789@newsletter' },
  'newsletter.mute': { newsletter_id: '120363123456789@newsletter', mute: 'off' },
  'call.offer': { call_id: 'C1', from: '222@s.whatsapp.net' },
};

export interface FixtureExpectation {
  readonly eventClass: abstract new (...args: never[]) => WhatsAppDomainEvent;
  readonly gatewayEvent: string;
  readonly deviceId?: string;
  readonly chatId?: string;
  readonly dedupe: DedupeIdentity;
  /** Fields the domain event must carry (checked with `toMatchObject`). */
  readonly data: Readonly<Record<string, unknown>>;
}
