import { MessageReactionEvent, type MessageReceivedEvent } from '../events/index.js';
import { DEVICE, domainEventOf, envelope, MINIMAL_PAYLOADS } from './testing/gateway-fixtures.js';

/** Message content forms of CONTRACT.md that the documentation fixtures do not show. */

const BASE = { id: 'M9', chat_id: '111@s.whatsapp.net', from: '222@s.whatsapp.net', timestamp: '2026-01-22T19:00:00+07:00' };
const message = (extra: Record<string, unknown>) => envelope('message', { ...BASE, ...extra });

describe('parseGatewayPayload on message content', () => {
  it('maps a removed reaction ("") to removed: true', () => {
    const event = domainEventOf(envelope('message.reaction', { ...BASE, reaction: '', reacted_message_id: 'M1' }));
    expect(event).toBeInstanceOf(MessageReactionEvent);
    expect(event).toMatchObject({ reaction: '', removed: true, reactedMessageId: 'M1' });
  });

  it('maps contacts_array to the contact list', () => {
    const contacts_array = [{ displayName: 'A', vcard: 'V1', phone_number: '+1' }, { displayName: 'B', vcard: 'V2' }];
    expect(domainEventOf(message({ contacts_array }))).toMatchObject({
      contacts: [{ displayName: 'A', vcard: 'V1', phoneNumber: '+1' }, { displayName: 'B', vcard: 'V2', phoneNumber: undefined }],
    });
  });

  it('maps live_location to a live shared location, ignoring thumbnail and context', () => {
    const live_location = { degreesLatitude: 1.5, degreesLongitude: 2.5, JPEGThumbnail: 'AAAA', contextInfo: { a: 1 }, sequenceNumber: 3 };
    const event = domainEventOf(message({ live_location }));
    expect(event).toMatchObject({ location: { latitude: 1.5, longitude: 2.5, live: true } });
  });

  it('maps a video_note', () => {
    expect(domainEventOf(message({ video_note: 'statics/media/n.mp4' }))).toMatchObject({ media: { kind: 'video_note', path: 'statics/media/n.mp4' } });
  });

  it('maps a document {url, filename} and uses no caption as text', () => {
    const event = domainEventOf(message({ document: { url: 'https://mmg.whatsapp.net/d', filename: 'report.pdf' } }));
    expect(event).toMatchObject({ text: undefined, media: { kind: 'document', url: 'https://mmg.whatsapp.net/d', filename: 'report.pdf' } });
  });

  it('uses the media caption as text when the body is absent', () => {
    expect(domainEventOf(message({ image: { url: 'https://x', caption: 'cap' } }))).toMatchObject({ text: 'cap' });
  });

  it.each([
    [{}, false],
    [{ is_from_me: true }, true],
    [{ is_from_me: false }, false],
  ])('reads is_from_me from %j as %s', (extra, isFromMe) => {
    expect(domainEventOf(message(extra))).toMatchObject({ isFromMe });
  });

  it('keeps the body as text when a caption differs', () => {
    expect(domainEventOf(message({ body: 'body', image: { path: 'statics/media/a.jpg', caption: 'caption' } }))).toMatchObject({ text: 'body' });
  });

  it.each([
    [{ view_once: true }, { viewOnce: true, forwarded: false }],
    [{ forwarded: true }, { viewOnce: false, forwarded: true }],
  ])('reads the flags of %j', (extra, flags) => {
    expect(domainEventOf(message(extra))).toMatchObject(flags);
  });

  it('prefers sender_display_name over from_name', () => {
    expect(domainEventOf(message({ sender_display_name: 'Saved', from_name: 'Push' }))).toMatchObject({ senderName: 'Saved' });
  });

  it('marks a group chat', () => {
    expect(domainEventOf(message({ chat_id: '120363000000000001@g.us' }))).toMatchObject({ isGroup: true });
  });

  it('passes referral, interactive and interactive_media through', () => {
    const event = domainEventOf(message({ referral: { source_url: 'u' }, interactive: 'Visit', interactive_media: ['statics/media/a.jpg'] }));
    expect(event).toMatchObject({ referral: { source_url: 'u' }, interactive: 'Visit', interactiveMedia: ['statics/media/a.jpg'] });
  });

  it('builds a deeply frozen event', () => {
    const event = domainEventOf(message({ contacts_array: [{ displayName: 'A' }] })) as MessageReceivedEvent;
    expect(Object.isFrozen(event.contacts) && Object.isFrozen(event.contacts[0])).toBe(true);
  });

  it('reads an RFC3339 timestamp with a +07:00 offset', () => {
    expect(domainEventOf(message({}))).toMatchObject({ timestamp: new Date('2026-01-22T12:00:00Z') });
  });

  it('reads fractional seconds', () => {
    expect(domainEventOf(message({ timestamp: '2026-01-22T12:00:00.250-03:00' }))).toMatchObject({ timestamp: new Date('2026-01-22T15:00:00.250Z') });
  });

  it('leaves the timestamp undefined when neither payload nor envelope has one', () => {
    const body = { event: 'message', device_id: DEVICE, payload: MINIMAL_PAYLOADS.message };
    expect(domainEventOf(body)).toMatchObject({ timestamp: undefined });
  });
});
