import { MessageDeletedEvent, MessageReceivedEvent, ReceiptReceivedEvent } from '../events/index.js';
import { domainEventOf, loadFixture, META, recognize, reject } from './testing/gateway-fixtures.js';
import { CURRENT_EQUIVALENTS } from './testing/legacy-equivalents.js';

/** The v7 shape, built from CONTRACT.md beyond what the fixtures show. */

const V7_MESSAGE = {
  sender_id: '628123456789',
  chat_id: '628987654321',
  from: '628123456789@s.whatsapp.net',
  timestamp: '2023-10-15T10:30:00Z',
  pushname: 'John Doe',
  message: { text: 'Hello', id: 'V7M1', replied_id: '', quoted_message: '' },
};
const v7 = (extra: Record<string, unknown>, message: Record<string, unknown> = {}) => ({
  ...V7_MESSAGE,
  ...extra,
  message: { ...V7_MESSAGE.message, ...message },
});

describe('parseGatewayPayload on the legacy v7 shape', () => {
  it.each(CURRENT_EQUIVALENTS)('maps %s to the same domain event as the current shape', (fixture, current) => {
    expect(recognize(loadFixture(fixture)).toDomainEvent(META)).toEqual(recognize(current).toDomainEvent(META));
  });

  it.each(CURRENT_EQUIVALENTS)('gives %s the same dedupe identity and chat as the current shape', (fixture, current) => {
    const [legacy, now] = [recognize(loadFixture(fixture)), recognize(current)];
    expect({ dedupe: legacy.dedupe, chatId: legacy.chatId }).toEqual({ dedupe: now.dedupe, chatId: now.chatId });
  });

  it('maps event.delete_for_me to message.deleted', () => {
    const body = { action: 'event.delete_for_me', deleted_message_id: 'D1', sender_id: '628123456789', chat_id: '628987654321', timestamp: '2025-07-13T11:12:00Z' };
    const parsed = recognize(body);
    expect({ gatewayEvent: parsed.gatewayEvent, dedupe: parsed.dedupe, chatId: parsed.chatId }).toEqual({
      gatewayEvent: 'message.deleted',
      dedupe: { kind: 'message', messageId: 'deleted:D1' },
      chatId: '628987654321@s.whatsapp.net',
    });
  });

  it('maps the fields of an event.delete_for_me', () => {
    const body = { action: 'event.delete_for_me', deleted_message_id: 'D1', from: '628123456789@s.whatsapp.net', sender_id: '628123456789', original_content: 'hi', was_from_me: true };
    const event = domainEventOf(body);
    expect(event).toBeInstanceOf(MessageDeletedEvent);
    expect(event).toMatchObject({ deletedMessageId: 'D1', senderId: '628123456789@s.whatsapp.net', originalText: 'hi', wasFromMe: true });
  });

  it('takes the sender of a v7 ack from "<jid> in <group>"', () => {
    const body = { event: 'message.ack', timestamp: '2025-07-18T22:44:20Z', payload: { ids: ['A'], chat_id: '120363402106123456@g.us', from: '628111@s.whatsapp.net in 120363402106123456@g.us', sender_id: '628111@s.whatsapp.net', receipt_type: 'read' } };
    const event = domainEventOf(body);
    expect(event).toBeInstanceOf(ReceiptReceivedEvent);
    expect(event).toMatchObject({ senderId: '628111@s.whatsapp.net', chatId: '120363402106123456@g.us', isGroup: true });
  });

  it('falls back to sender_id when a v7 ack has no from', () => {
    const body = { event: 'message.ack', payload: { ids: ['A'], chat_id: '1@s.whatsapp.net', sender_id: '628111', receipt_type: 'read' } };
    expect(domainEventOf(body)).toMatchObject({ senderId: '628111@s.whatsapp.net' });
  });

  it('maps a v7 document with its mime type and caption', () => {
    const body = v7({ document: { media_path: 'statics/media/r.pdf', mime_type: 'application/pdf', caption: 'Monthly report' } }, { text: '' });
    expect(domainEventOf(body)).toMatchObject({
      text: 'Monthly report',
      media: { kind: 'document', path: 'statics/media/r.pdf', mimeType: 'application/pdf', caption: 'Monthly report' },
    });
  });

  it('maps a v7 video without a caption', () => {
    const body = v7({ video: { media_path: 'statics/media/v.mp4', mime_type: 'video/mp4', caption: '' } }, { text: '' });
    expect(domainEventOf(body)).toMatchObject({ text: undefined, media: { kind: 'video', path: 'statics/media/v.mp4', mimeType: 'video/mp4', caption: undefined } });
  });

  it('maps a v7 group message: chat from "<sender> in <group>"', () => {
    const body = v7({ chat_id: '120363402106123456', from: '628123456789@s.whatsapp.net in 120363402106123456@g.us' });
    expect(domainEventOf(body)).toMatchObject({ chatId: '120363402106123456@g.us', senderId: '628123456789@s.whatsapp.net', isGroup: true });
  });

  it.each([
    ['120363402106123456', '120363402106123456@g.us'],
    ['628123456789-1599999999', '628123456789-1599999999@g.us'],
    ['628987654321', '628987654321@s.whatsapp.net'],
  ])('turns the bare v7 chat id %s into %s', (chatId, jid) => {
    expect(recognize(v7({ chat_id: chatId })).chatId).toBe(jid);
  });

  it('builds the sender from sender_id when from is missing', () => {
    const { from: _omitted, ...withoutFrom } = V7_MESSAGE;
    expect(domainEventOf(withoutFrom)).toMatchObject({ senderId: '628123456789@s.whatsapp.net' });
  });

  it('reads empty v7 strings as absent', () => {
    const event = domainEventOf(v7({ pushname: '' }, { text: '', replied_id: '', quoted_message: '' }));
    expect(event).toMatchObject({ text: undefined, replyTo: undefined, senderName: undefined });
  });

  it('maps v7 view_once, forwarded, contact and location', () => {
    const body = v7({ view_once: true, forwarded: true, contact: { displayName: 'A', vcard: 'V' }, location: { degreesLatitude: 1, degreesLongitude: 2 } });
    expect(domainEventOf(body)).toMatchObject({
      viewOnce: true, forwarded: true, contacts: [{ displayName: 'A', vcard: 'V' }], location: { latitude: 1, longitude: 2, live: false },
    });
  });

  it('has no device on a v7 delivery', () => {
    expect(recognize(v7({})).deviceId).toBeUndefined();
  });

  it('names the event a v7 body normalises to', () => {
    expect(domainEventOf(v7({}))).toBeInstanceOf(MessageReceivedEvent);
  });

  it('rejects an unknown v7 action, naming it', () => {
    expect(reject(v7({ action: 'message_pinned' }))).toEqual({ kind: 'unrecognized', gatewayEvent: 'message_pinned', reason: 'unknown legacy action "message_pinned"' });
  });

  it('rejects a v7 message without an id as an invalid message', () => {
    const rejected = reject(v7({}, { id: undefined }));
    expect({ gatewayEvent: rejected.gatewayEvent, reason: rejected.reason }).toEqual({ gatewayEvent: 'message', reason: 'invalid "message" payload: id is required' });
  });

  it('rejects a v7 message whose text is not a string', () => {
    expect(reject(v7({}, { text: 5 })).reason).toBe('invalid "message" payload: body fails isString');
  });
});
