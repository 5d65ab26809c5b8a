import { loadFixture } from './fixtures.js';

/** A distinct text message in `chat`, numbered `n`. */
export function textMessage(n: number, chat = '628111@s.whatsapp.net', device = '628999@s.whatsapp.net') {
  const body = loadFixture('01-');
  const payload = body.payload as Record<string, unknown>;
  return { ...body, device_id: device, payload: { ...payload, id: `MSG-${chat}-${n}`, chat_id: chat, body: `message ${n}` } };
}
