import {
  CallOfferedEvent,
  ChatPresenceChangedEvent,
  GroupParticipantsChangedEvent,
  LabelAssociationChangedEvent,
  LabelEditedEvent,
  NewsletterJoinedEvent,
  NewsletterLeftEvent,
  NewsletterMuteChangedEvent,
  ReceiptReceivedEvent,
} from '../../events/index.js';
import type { FixtureExpectation } from './gateway-fixtures.js';

/** Expected mapping of every current-shape fixture outside the message family. */

const DEVICE = '628123456789@s.whatsapp.net';
const CONTACT = '628987654321@s.whatsapp.net';
const GROUP = '120363402106XXXXX@g.us';
const READER = '6289685XXXXXX@s.whatsapp.net';
const NEWSLETTER = '120363123456789@newsletter';

function receipt(receiptType: string, timestamp: string, data: Record<string, unknown> = {}): FixtureExpectation {
  return {
    eventClass: ReceiptReceivedEvent,
    gatewayEvent: 'message.ack',
    deviceId: DEVICE,
    chatId: GROUP,
    dedupe: { kind: 'receipt', chatId: GROUP, senderId: READER, receiptType, messageIds: ['3EB00106E8BE0F407E88EC'] },
    data: {
      messageIds: ['3EB00106E8BE0F407E88EC'],
      chatId: GROUP,
      senderId: READER,
      senderName: 'Saved Contact',
      receiptType,
      isGroup: true,
      timestamp: new Date(timestamp),
      ...data,
    },
  };
}

function presence(state: string, media: string, timestamp: string): FixtureExpectation {
  return {
    eventClass: ChatPresenceChangedEvent,
    gatewayEvent: 'chat_presence',
    deviceId: DEVICE,
    chatId: CONTACT,
    dedupe: { kind: 'body' },
    data: { chatId: CONTACT, senderId: CONTACT, senderName: 'Saved Contact', state, media, isGroup: false, timestamp: new Date(timestamp) },
  };
}

export function participants(action: string, jids: string[], timestamp: string, deviceId?: string): FixtureExpectation {
  return {
    eventClass: GroupParticipantsChangedEvent,
    gatewayEvent: 'group.participants',
    deviceId,
    chatId: GROUP,
    dedupe: { kind: 'group', chatId: GROUP, type: action, jids, timestamp },
    data: { groupId: GROUP, action, participants: jids, timestamp: new Date(timestamp) },
  };
}

function newsletter(eventClass: FixtureExpectation['eventClass'], gatewayEvent: string, data: Record<string, unknown>): FixtureExpectation {
  const timestamp = new Date('2026-01-18T12:00:00Z');
  return { eventClass, gatewayEvent, deviceId: DEVICE, chatId: NEWSLETTER, dedupe: { kind: 'body' }, data: { newsletterId: NEWSLETTER, timestamp, ...data } };
}

function call(timestamp: Date | undefined, data: Record<string, unknown>): FixtureExpectation {
  return {
    eventClass: CallOfferedEvent,
    gatewayEvent: 'call.offer',
    deviceId: DEVICE,
    chatId: CONTACT,
    dedupe: { kind: 'body' },
    data: { callId: 'ABC123DEF456', callerId: CONTACT, callerName: 'Saved Contact', autoRejected: false, timestamp, ...data },
  };
}

export const JOINERS = ['6289685XXXXXX@s.whatsapp.net', '6289686YYYYYY@s.whatsapp.net'];

export const OTHER_FIXTURES: Readonly<Record<string, FixtureExpectation>> = {
  '04-message-ack--message-delivered.json': receipt('delivered', '2025-07-18T22:44:20Z', { senderLid: '251556368777322@lid' }),
  '05-message-ack--message-read.json': receipt('read', '2025-07-18T22:44:44Z'),
  '06-chat-presence--user-typing.json': presence('composing', '', '2026-01-22T12:00:00Z'),
  '07-chat-presence--user-stopped-typing.json': presence('paused', '', '2026-01-22T12:00:05Z'),
  '08-chat-presence--user-recording-audio.json': presence('composing', 'audio', '2026-01-22T12:01:00Z'),
  '10-label-edit--label-edit.json': {
    eventClass: LabelEditedEvent,
    gatewayEvent: 'label.edit',
    deviceId: DEVICE,
    chatId: 'label:9',
    dedupe: { kind: 'body' },
    data: {
      labelId: '9',
      name: 'Important',
      color: 2,
      predefinedId: '1',
      deleted: false,
      orderIndex: 1,
      isActive: true,
      type: 'CUSTOM',
      isImmutable: false,
      muteEndTimeMs: 0,
      timestamp: new Date('2026-01-22T12:03:00Z'),
    },
  },
  '11-label-association--label-association.json': {
    eventClass: LabelAssociationChangedEvent,
    gatewayEvent: 'label.association',
    deviceId: DEVICE,
    chatId: GROUP,
    dedupe: { kind: 'body' },
    data: { labelId: '9', labeled: true, chatId: GROUP, timestamp: new Date('2026-01-22T12:04:00Z') },
  },
  '12-group-participants--group-member-join.json': participants('join', JOINERS, '2025-07-28T10:30:00Z', DEVICE),
  '13-group-participants--group-member-leave.json': participants('leave', ['6289687ZZZZZZ@s.whatsapp.net'], '2025-07-28T10:32:00Z', DEVICE),
  '14-group-participants--group-member-promotion.json': participants('promote', ['6289688AAAAAA@s.whatsapp.net'], '2025-07-28T10:33:00Z', DEVICE),
  '15-group-participants--group-member-demotion.json': participants('demote', ['6289689BBBBBB@s.whatsapp.net'], '2025-07-28T10:34:00Z', DEVICE),
  '16-newsletter-joined--newsletter-joined.json': newsletter(NewsletterJoinedEvent, 'newsletter.joined', {
    name: 'Tech News Daily',
    description: 'Latest tech updates and news',
  }),
  '17-newsletter-left--newsletter-left.json': newsletter(NewsletterLeftEvent, 'newsletter.left', { role: 'subscriber' }),
  '19-newsletter-mute--newsletter-mute.json': newsletter(NewsletterMuteChangedEvent, 'newsletter.mute', { muted: true }),
  '20-call-offer--call-offer.json': call(new Date('2026-02-05T12:00:00Z'), { remotePlatform: 'android', remoteVersion: '2.24.1.5' }),
  '23-call-offer--reject-call-via-api.json': call(undefined, { remotePlatform: undefined, remoteVersion: undefined }),
};
