import {
  MessageDeletedEvent,
  MessageEditedEvent,
  MessageReactionEvent,
  MessageReceivedEvent,
  MessageRevokedEvent,
} from '../../events/index.js';
import type { FixtureExpectation } from './gateway-fixtures.js';

/** Expected mapping of every current-shape message-family fixture (see /work/shared/gowa/fixtures). */

const CHAT = '628987654321@s.whatsapp.net';
const SENDER = '628123456789@s.whatsapp.net';
const IMAGE = 'statics/media/1752404751-ad9e37ac-c658-4fe5-8d25-ba4a3f4d58fd.jpeg';

function received(id: string, timestamp: string, data: Record<string, unknown>): FixtureExpectation {
  return {
    eventClass: MessageReceivedEvent,
    gatewayEvent: 'message',
    deviceId: CHAT,
    chatId: CHAT,
    dedupe: { kind: 'message', messageId: id },
    data: {
      messageId: id,
      chatId: CHAT,
      senderId: SENDER,
      senderName: 'John Doe',
      timestamp: new Date(timestamp),
      isFromMe: false,
      isGroup: false,
      contacts: [],
      viewOnce: false,
      forwarded: false,
      ...data,
    },
  };
}

function protocol(eventClass: FixtureExpectation['eventClass'], gatewayEvent: string, id: string, data: Record<string, unknown>): FixtureExpectation {
  return { ...received(id, '2025-07-13T11:13:30Z', {}), eventClass, gatewayEvent, data: { messageId: id, chatId: CHAT, senderId: SENDER, ...data } };
}

export const MESSAGE_FIXTURES: Readonly<Record<string, FixtureExpectation>> = {
  '01-message--text-message.json': received('3EB0C127D7BACC83D6A1', '2023-10-15T10:30:00Z', {
    text: 'Hello, how are you?',
    senderLid: '251556368777322@lid',
    senderName: 'Saved Contact',
    media: undefined,
    replyTo: undefined,
  }),
  '02-message--reply-message.json': received('3EB0C127D7BACC83D6A2', '2023-10-15T10:35:00Z', {
    text: "I'm doing great, thanks!",
    senderName: 'Saved Contact',
    replyTo: { messageId: '3EB0C127D7BACC83D6A1', quotedText: 'Hello, how are you?' },
  }),
  '03-message-reaction--reaction-message.json': protocol(MessageReactionEvent, 'message.reaction', '88760C69D1F35FEB239102699AE9XXXX', {
    reaction: '👍',
    removed: false,
    reactedMessageId: '3EB0C127D7BACC83D6A1',
    senderName: 'Saved Contact',
    timestamp: new Date('2023-10-15T10:40:00Z'),
  }),
  '24-message--image-message--with-auto-download-enabled-no-caption.json': received('3EB0C127D7BACC83D6A3', '2025-07-13T11:05:51Z', {
    text: undefined,
    media: { kind: 'image', path: IMAGE },
  }),
  '25-message--image-message--with-auto-download-enabled-with-caption.json': received('3EB0C127D7BACC83D6A3', '2025-07-13T11:05:51Z', {
    text: 'Check this out!',
    media: { kind: 'image', path: IMAGE, caption: 'Check this out!' },
  }),
  '26-message--image-message--with-auto-download-disabled.json': received('3EB0C127D7BACC83D6A3', '2025-07-13T11:05:51Z', {
    text: 'Check this out!',
    media: { kind: 'image', path: undefined, url: 'https://mmg.whatsapp.net/...', caption: 'Check this out!' },
  }),
  '27-message--video-message.json': received('3EB0C127D7BACC83D6A4', '2025-07-13T11:07:24Z', {
    text: 'Watch this!',
    media: { kind: 'video', path: 'statics/media/1752404845-b9393cd1-8546-4df9-8a60-ee3276036aba.mp4', caption: 'Watch this!' },
  }),
  '28-message--audio-message.json': received('3EB0C127D7BACC83D6A5', '2023-10-15T10:55:00Z', {
    text: undefined,
    media: { kind: 'audio', path: 'statics/media/1752404905-b9393cd1-8546-4df9-8a60-ee3276036aba.ogg' },
  }),
  '29-message--document-message.json': received('3EB0C127D7BACC83D6A6', '2023-10-15T11:00:00Z', {
    text: 'Monthly report',
    media: { kind: 'document', path: 'statics/media/1752404965-document.pdf', caption: 'Monthly report' },
  }),
  '31-message--sticker-message.json': received('446AC2BAF2061B53E24CA526DBDFBD4E', '2025-07-13T11:09:45Z', {
    media: { kind: 'sticker', path: 'statics/media/1752404986-ff2464a6-c54c-4e6c-afde-c4c925ce3573.webp' },
  }),
  '33-message--contact-message.json': received('56B3DFF4994284634E7AAFEEF6F1A0A2', '2025-07-13T11:10:19Z', {
    text: undefined,
    contacts: [
      {
        displayName: '3Care',
        vcard: 'BEGIN:VCARD\nVERSION:3.0\nN:;3Care;;;\nFN:3Care\nTEL;type=Mobile:+62 132\nEND:VCARD',
        phoneNumber: '+62 132',
      },
    ],
  }),
  '35-message--location-message.json': received('3EB0C127D7BACC83D6A9', '2023-10-15T11:15:00Z', {
    location: {
      latitude: -6.2088,
      longitude: 106.8456,
      name: 'Jakarta, Indonesia',
      address: 'Central Jakarta, DKI Jakarta, Indonesia',
      live: false,
    },
  }),
  '37-message-deleted--message-deleted.json': {
    eventClass: MessageDeletedEvent,
    gatewayEvent: 'message.deleted',
    deviceId: SENDER,
    chatId: CHAT,
    dedupe: { kind: 'message', messageId: 'deleted:3EB0C127D7BACC83D6A1' },
    data: {
      deletedMessageId: '3EB0C127D7BACC83D6A1',
      chatId: CHAT,
      senderId: CHAT,
      senderName: 'Saved Contact',
      timestamp: new Date('2025-07-13T11:12:00Z'),
      originalText: 'Hello, how are you?',
      originalSenderId: CHAT,
      originalTimestamp: new Date('2025-07-13T10:30:00Z'),
      wasFromMe: false,
    },
  },
  '38-message-revoked--message-revoked.json': protocol(MessageRevokedEvent, 'message.revoked', 'F4062F2BBCB19B7432195AD7080DA4E2', {
    revokedMessageId: '94D13237B4D7F33EE4A63228BBD79EC0',
    revokedFromMe: true,
    revokedChatId: CHAT,
    isFromMe: true,
    timestamp: new Date('2025-07-13T11:13:30Z'),
  }),
  '39-message-edited--message-edited.json': protocol(MessageEditedEvent, 'message.edited', 'D6271D8223A05B4DA6AE9FE3CD632543', {
    originalMessageId: '94D13237B4D7F33EE4A63228BBD79EC0',
    newText: 'Updated message text',
    isFromMe: false,
    timestamp: new Date('2025-07-13T11:14:19Z'),
  }),
  '40-message--view-once-message.json': received('3EB0C127D7BACC83D6B2', '2023-10-15T11:40:00Z', {
    viewOnce: true,
    media: { kind: 'image', path: 'statics/media/1752405060-image.jpeg' },
  }),
  '41-message--forwarded-message.json': received('3EB0C127D7BACC83D6B3', '2023-10-15T11:45:00Z', {
    text: 'This is a forwarded message',
    forwarded: true,
  }),
};
