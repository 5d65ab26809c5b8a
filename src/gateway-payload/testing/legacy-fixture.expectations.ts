import {
  MessageEditedEvent,
  MessageReactionEvent,
  MessageReceivedEvent,
  MessageRevokedEvent,
  ReceiptReceivedEvent,
} from '../../events/index.js';
import type { FixtureExpectation } from './gateway-fixtures.js';
import { JOINERS, participants } from './other-fixture.expectations.js';

/** Expected mapping of the v7 (legacy) fixtures: same domain data as the current shape, no device. */

const SENDER = '628123456789@s.whatsapp.net';
const CHAT = '628987654321@s.whatsapp.net';
const GROUP = '120363402106XXXXX@g.us';
const READER = '6289685XXXXXX@s.whatsapp.net';

function message(
  id: string,
  data: Record<string, unknown>,
  eventClass: FixtureExpectation['eventClass'] = MessageReceivedEvent,
  gatewayEvent = 'message',
): FixtureExpectation {
  const chatId = typeof data.chatId === 'string' ? data.chatId : CHAT;
  return {
    eventClass,
    gatewayEvent,
    chatId,
    dedupe: { kind: 'message', messageId: id },
    data: { messageId: id, chatId, senderId: SENDER, senderName: 'John Doe', isFromMe: false, isGroup: false, ...data },
  };
}

function receipt(receiptType: string, timestamp: string): FixtureExpectation {
  const ids = ['3EB00106E8BE0F407E88EC'];
  return {
    eventClass: ReceiptReceivedEvent,
    gatewayEvent: 'message.ack',
    chatId: GROUP,
    dedupe: { kind: 'receipt', chatId: GROUP, senderId: READER, receiptType, messageIds: ids },
    data: { messageIds: ids, chatId: GROUP, senderId: READER, receiptType, isGroup: true, timestamp: new Date(timestamp) },
  };
}

const ALDINO = { senderName: 'Aldino Kemal' };
const V7_CONTACT = '6289XXXXXXXXX@s.whatsapp.net';

export const LEGACY_FIXTURES: Readonly<Record<string, FixtureExpectation>> = {
  '43-legacy-v7-message--text-message.json': message('3EB0C127D7BACC83D6A1', {
    text: 'Hello, how are you?',
    replyTo: undefined,
    timestamp: new Date('2023-10-15T10:30:00Z'),
  }),
  '44-legacy-v7-message--reply-message.json': message('3EB0C127D7BACC83D6A2', {
    text: "I'm doing great, thanks!",
    replyTo: { messageId: '3EB0C127D7BACC83D6A1', quotedText: 'Hello, how are you?' },
  }),
  '45-legacy-v7-message--reaction-message.json': message(
    '88760C69D1F35FEB239102699AE9XXXX',
    { reaction: '👍', removed: false, reactedMessageId: '3EB0C127D7BACC83D6A1' },
    MessageReactionEvent,
    'message.reaction',
  ),
  '46-legacy-v7-message-ack--message-delivered.json': receipt('delivered', '2025-07-18T22:44:20Z'),
  '47-legacy-v7-message-ack--message-read.json': receipt('read', '2025-07-18T22:44:44Z'),
  '48-legacy-v7-group-participants--group-member-join.json': participants('join', JOINERS, '2025-07-28T10:30:00Z'),
  '49-legacy-v7-group-participants--group-member-leave.json': participants('leave', ['6289687ZZZZZZ@s.whatsapp.net'], '2025-07-28T10:32:00Z'),
  '50-legacy-v7-group-participants--group-member-promotion.json': participants('promote', ['6289688AAAAAA@s.whatsapp.net'], '2025-07-28T10:33:00Z'),
  '51-legacy-v7-group-participants--group-member-demotion.json': participants('demote', ['6289689BBBBBB@s.whatsapp.net'], '2025-07-28T10:34:00Z'),
  '52-legacy-v7-message--image-message.json': message('********************', {
    chatId: SENDER,
    text: 'gijg',
    media: {
      kind: 'image',
      path: 'statics/media/1752404751-ad9e37ac-c658-4fe5-8d25-ba4a3f4d58fd.jpe',
      mimeType: 'image/jpeg',
      caption: 'gijg',
    },
  }),
  '54-legacy-v7-message--audio-message.json': message('3EB0C127D7BACC83D6A5', {
    text: 'okk',
    media: { kind: 'audio', path: 'statics/media/1752404905-b9393cd1-8546-4df9-8a60-ee3276036aba.m4v', mimeType: 'audio/ogg', caption: 'okk' },
  }),
  '56-legacy-v7-message--sticker-message.json': {
    ...message('446AC2BAF2061B53E24CA526DBDFBD4E', {}),
    chatId: '628968XXXXXXXX@s.whatsapp.net',
    data: {
      chatId: '628968XXXXXXXX@s.whatsapp.net',
      senderId: '628968XXXXXXXX@s.whatsapp.net',
      ...ALDINO,
      text: undefined,
      media: { kind: 'sticker', path: 'statics/media/1752404986-ff2464a6-c54c-4e6c-afde-c4c925ce3573.webp', mimeType: 'image/webp', caption: undefined },
    },
  },
  '60-legacy-v7-message--message-revoked.json': {
    ...message('F4062F2BBCB19B7432195AD7080DA4E2', {}, MessageRevokedEvent, 'message.revoked'),
    chatId: V7_CONTACT,
    data: {
      messageId: 'F4062F2BBCB19B7432195AD7080DA4E2',
      chatId: V7_CONTACT,
      senderId: V7_CONTACT,
      ...ALDINO,
      revokedMessageId: '94D13237B4D7F33EE4A63228BBD79EC0',
      revokedFromMe: true,
      revokedChatId: V7_CONTACT,
    },
  },
  '61-legacy-v7-message--message-edited.json': {
    ...message('D6271D8223A05B4DA6AE9FE3CD632543', {}, MessageEditedEvent, 'message.edited'),
    chatId: V7_CONTACT,
    data: {
      messageId: 'D6271D8223A05B4DA6AE9FE3CD632543',
      chatId: V7_CONTACT,
      senderId: V7_CONTACT,
      ...ALDINO,
      originalMessageId: '94D13237B4D7F33EE4A63228BBD79EC0',
      newText: 'hhhiawww',
      timestamp: new Date('2025-07-13T11:14:19Z'),
    },
  },
};
