import { loadFixture } from './fixtures.js';

export const DEVICE = '628999@s.whatsapp.net';
export const CHAT = '628111@s.whatsapp.net';

/** A text message from someone else (or from this account with `fromMe`), as the gateway sends it. */
export function chatMessage(id: string, body: string, options: { chat?: string; fromMe?: boolean; session?: string } = {}) {
  const fixture = loadFixture('01-');
  const payload = fixture.payload as Record<string, unknown>;
  const chat = options.chat ?? CHAT;
  return {
    ...fixture,
    device_id: DEVICE,
    ...(options.session ? { session_id: options.session } : {}),
    payload: { ...payload, id: id, chat_id: chat, from: chat, body, is_from_me: options.fromMe ?? false },
  };
}

/** `group.participants` of one type for the given members. */
export function participantsEvent(type: 'join' | 'leave' | 'promote' | 'demote', group: string, jids: string[]) {
  return { event: 'group.participants', device_id: DEVICE, timestamp: '2025-07-28T10:30:00Z', payload: { chat_id: group, type, jids } };
}
