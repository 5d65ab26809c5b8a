import { GroupJoinedEvent, NewsletterMessagesReceivedEvent, WhatsAppEvent } from '../events/index.js';
import { DEVICE, domainEventOf, envelope, MINIMAL_PAYLOADS, recognize } from './testing/gateway-fixtures.js';

/** Events and forms of CONTRACT.md that the documentation fixtures do not show. */

const EVENT_NAMES: ReadonlyArray<[string, string]> = [
  ['message', WhatsAppEvent.MessageReceived],
  ['message.reaction', WhatsAppEvent.MessageReaction],
  ['message.revoked', WhatsAppEvent.MessageRevoked],
  ['message.edited', WhatsAppEvent.MessageEdited],
  ['message.deleted', WhatsAppEvent.MessageDeleted],
  ['message.ack', WhatsAppEvent.ReceiptReceived],
  ['chat_presence', WhatsAppEvent.ChatPresenceChanged],
  ['group.participants', WhatsAppEvent.GroupParticipantsChanged],
  ['group.joined', WhatsAppEvent.GroupJoined],
  ['label.edit', WhatsAppEvent.LabelEdited],
  ['label.association', WhatsAppEvent.LabelAssociationChanged],
  ['newsletter.joined', WhatsAppEvent.NewsletterJoined],
  ['newsletter.left', WhatsAppEvent.NewsletterLeft],
  ['newsletter.message', WhatsAppEvent.NewsletterMessagesReceived],
  ['newsletter.mute', WhatsAppEvent.NewsletterMuteChanged],
  ['call.offer', WhatsAppEvent.CallOffered],
];

describe('parseGatewayPayload on the contract', () => {
  it('routes all 16 gateway events', () => {
    expect(EVENT_NAMES.map(([event]) => event).sort()).toEqual(Object.keys(MINIMAL_PAYLOADS).sort());
  });

  it.each(EVENT_NAMES)('maps a minimal %s to %s', (event, eventName) => {
    expect(recognize(envelope(event, MINIMAL_PAYLOADS[event])).eventName).toBe(eventName);
  });

  it.each(EVENT_NAMES)('keeps the device and session of a %s envelope', (event) => {
    const parsed = recognize(envelope(event, MINIMAL_PAYLOADS[event], { session_id: 'slot-2' }));
    expect({ deviceId: parsed.deviceId, sessionId: parsed.sessionId }).toEqual({ deviceId: DEVICE, sessionId: 'slot-2' });
  });

  it.each(EVENT_NAMES)('accepts unknown extra keys in a %s payload', (event) => {
    expect(recognize(envelope(event, { ...MINIMAL_PAYLOADS[event], added_in_v10: { x: 1 } })).eventName).toBeDefined();
  });

  it.each([
    ['message', '111@s.whatsapp.net'],
    ['message.ack', '111@s.whatsapp.net'],
    ['group.participants', '120363000000000001@g.us'],
    ['label.edit', 'label:9'],
    ['newsletter.message', '120363123456789@newsletter'],
    ['call.offer', '222@s.whatsapp.net'],
    ['message.deleted', undefined],
  ])('orders %s under chat %s', (event, chatId) => {
    expect(recognize(envelope(event, MINIMAL_PAYLOADS[event])).chatId).toBe(chatId);
  });

  it('maps newsletter.message posts, accepting the integer server id the gateway sends', () => {
    const post = { server_id: 117, message_id: 'N1', type: 'text', timestamp: '2026-01-18T12:00:00Z', views_count: 5, reaction_counts: { '👍': 2 } };
    const event = domainEventOf(envelope('newsletter.message', { newsletter_id: '1@newsletter', messages: [post] }));
    expect(event).toBeInstanceOf(NewsletterMessagesReceivedEvent);
    expect(event).toMatchObject({
      newsletterId: '1@newsletter',
      messages: [{ serverId: '117', messageId: 'N1', type: 'text', timestamp: new Date('2026-01-18T12:00:00Z'), viewsCount: 5, reactionCounts: { '👍': 2 } }],
    });
  });

  it('maps group.joined with its name and reason', () => {
    const payload = { chat_id: '120363000000000001@g.us', type: 'join', jids: [DEVICE], reason: 'invite', group_name: 'Team' };
    const event = domainEventOf(envelope('group.joined', payload));
    expect(event).toBeInstanceOf(GroupJoinedEvent);
    expect(event).toMatchObject({ groupId: '120363000000000001@g.us', groupName: 'Team', participants: [DEVICE], reason: 'invite' });
  });

  it('dedupes group.joined like a group change, on the raw envelope timestamp', () => {
    expect(recognize(envelope('group.joined', MINIMAL_PAYLOADS['group.joined'])).dedupe).toEqual({
      kind: 'group', chatId: '120363000000000001@g.us', type: 'join', jids: [DEVICE], timestamp: '2026-01-22T12:00:00Z',
    });
  });

  it('uses the envelope timestamp for non-message events', () => {
    expect(domainEventOf(envelope('call.offer', MINIMAL_PAYLOADS['call.offer']))).toMatchObject({ timestamp: new Date('2026-01-22T12:00:00Z') });
  });

  it('maps newsletter.mute off to muted: false', () => {
    expect(domainEventOf(envelope('newsletter.mute', MINIMAL_PAYLOADS['newsletter.mute']))).toMatchObject({ muted: false });
  });

  it('maps message.edited without a body to an empty new text', () => {
    expect(domainEventOf(envelope('message.edited', MINIMAL_PAYLOADS['message.edited']))).toMatchObject({ newText: '' });
  });

});
