import { randomInt } from 'node:crypto';
import { DEFAULT_DEVICE, generateEvent } from '../send/event-templates.js';
import { gatewayJson, signBody } from '../send/gateway-json.js';

/** One delivery as the gateway sends it: the exact bytes and their signature. */
export interface SignedBody {
  readonly body: Buffer;
  readonly signature: string;
}

/**
 * Roughly what one busy WhatsApp number produces: mostly messages and their receipts, some
 * presence, reactions and group traffic, the rest rare. Weights are parts per thousand.
 */
const MIX: ReadonlyArray<readonly [string, number]> = [
  ['message', 420],
  ['message.ack', 300],
  ['chat_presence', 90],
  ['message.reaction', 40],
  ['group.participants', 40],
  ['message.edited', 20],
  ['message.revoked', 20],
  ['message.deleted', 10],
  ['newsletter.message', 20],
  ['group.joined', 10],
  ['call.offer', 10],
  ['label.association', 8],
  ['label.edit', 4],
  ['newsletter.joined', 3],
  ['newsletter.mute', 3],
  ['newsletter.left', 2],
];
const TOTAL_WEIGHT = MIX.reduce((sum, [, weight]) => sum + weight, 0);

/** Real traffic spreads over many chats; the templates use one, which would serialise dispatch per chat. */
const CHATS = 1000;
const GROUPS = 100;

function pickEvent(): string {
  let roll = randomInt(TOTAL_WEIGHT);
  for (const [name, weight] of MIX) {
    roll -= weight;
    if (roll < 0) return name;
  }
  return 'message';
}

function spreadChats(body: Record<string, unknown>): Record<string, unknown> {
  const payload = body.payload as Record<string, unknown> | undefined;
  if (!payload || typeof payload.chat_id !== 'string') return body;
  if (payload.chat_id.endsWith('@s.whatsapp.net')) {
    // Every field naming the template's chat names the new one (the sender of a one-to-one chat, a
    // revoke's `revoked_chat`); this account, as the sender of its own revoke, stays.
    const chat = `62812${String(randomInt(CHATS)).padStart(7, '0')}@s.whatsapp.net`;
    const moved = Object.entries(payload).map(([key, value]) => [key, value === payload.chat_id ? chat : value]);
    return { ...body, payload: Object.fromEntries(moved) };
  }
  if (payload.chat_id.endsWith('@g.us') && body.event === 'group.participants') {
    return { ...body, payload: { ...payload, chat_id: `120363400000${String(randomInt(GROUPS)).padStart(6, '0')}@g.us` } };
  }
  return body;
}

/** A new, distinct, signed delivery in the gateway's bytes. */
export function signedEvent(secret: string, n: number): SignedBody {
  const body = Buffer.from(gatewayJson(spreadChats(generateEvent(pickEvent(), DEFAULT_DEVICE, n))), 'utf8');
  return { body, signature: signBody(body, secret) };
}

/** Pre-generates `count` deliveries so the load generator spends no CPU on them during a run. */
export function signedEvents(secret: string, count: number): SignedBody[] {
  return Array.from({ length: count }, (_, n) => signedEvent(secret, n));
}
