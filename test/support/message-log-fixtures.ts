import { loadFixture } from './fixtures.js';

export const LOG_CHAT = '628111@s.whatsapp.net';
export const LOG_DEVICE = '628999@s.whatsapp.net';

/** Fixture JSON, read field by field the way the gateway documents it. */
type Payload = Record<string, any>;

/** A shared gateway fixture moved into the test chat and device, with payload overrides (e.g. a unique id). */
export function fixtureIn(prefix: string, overrides: Payload = {}): { body: Record<string, unknown>; payload: Payload } {
  const body = loadFixture(prefix);
  const payload = { ...(body.payload as Payload), chat_id: LOG_CHAT, ...overrides };
  return { body: { ...body, device_id: LOG_DEVICE, payload }, payload };
}

/**
 * Every message kind of the shared fixtures, and what the log must say about it, read from the
 * fixture itself (`p` is its payload).
 */
export const MESSAGE_KIND_CASES: [prefix: string, expected: (p: Payload) => Record<string, unknown>][] = [
  ['01-', (p) => ({ kind: 'text', text: p.body, senderId: p.from, media: null })],
  ['02-', (p) => ({ kind: 'text', text: p.body, replyTo: { messageId: p.replied_to_id, quotedText: p.quoted_body } })],
  ['24-', (p) => ({ kind: 'image', text: null, media: expect.objectContaining({ kind: 'image', path: p.image, url: null, caption: null }) })],
  ['25-', (p) => ({ kind: 'image', text: p.body, media: expect.objectContaining({ kind: 'image', path: p.image.path, caption: p.image.caption }) })],
  ['26-', (p) => ({ kind: 'image', text: p.body, media: expect.objectContaining({ kind: 'image', path: null, url: p.image.url, caption: p.image.caption }) })],
  ['27-', (p) => ({ kind: 'video', text: p.body, media: expect.objectContaining({ kind: 'video', path: p.video.path, caption: p.video.caption }) })],
  ['28-', (p) => ({ kind: 'audio', media: expect.objectContaining({ kind: 'audio', path: p.audio }) })],
  ['29-', (p) => ({ kind: 'document', text: p.body, media: expect.objectContaining({ kind: 'document', path: p.document.path, caption: p.document.caption }) })],
  ['31-', (p) => ({ kind: 'sticker', media: expect.objectContaining({ kind: 'sticker', path: p.sticker }) })],
  ['33-', (p) => ({
    kind: 'contact',
    contacts: [{ displayName: p.contact.displayName, vcard: p.contact.vcard, phoneNumber: p.contact.phone_number }],
  })],
  ['35-', (p) => ({
    kind: 'location',
    location: { latitude: p.location.degreesLatitude, longitude: p.location.degreesLongitude, name: p.location.name, address: p.location.address, live: false },
  })],
  ['40-', (p) => ({ kind: 'image', viewOnce: true, forwarded: false, media: expect.objectContaining({ path: p.image }) })],
  ['41-', (p) => ({ kind: 'text', text: p.body, forwarded: true, viewOnce: false })],
];
