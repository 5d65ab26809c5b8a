import fc from 'fast-check';
import {
  type DeliveryMeta, MessageDeletedEvent, MessageEditedEvent, MessageReactionEvent, MessageReceivedEvent, MessageRevokedEvent,
  ReceiptReceivedEvent, type WhatsAppDomainEvent,
} from '../../src/events/index.js';

/** One message and everything that can happen to it, as plain data (events are built per device). */
export interface MessageScenario {
  readonly sentAt: number;
  readonly text: string;
  readonly receipts: readonly { readonly type: string; readonly at?: number }[];
  readonly edits: readonly { readonly at?: number; readonly text: string }[];
  readonly reactions: readonly { readonly reactor: string; readonly emoji: string; readonly at?: number }[];
  readonly removal: 'revoke' | 'delete' | 'both';
}

const BASE = Date.UTC(2025, 0, 1);
const CHAT = '628111@s.whatsapp.net';
const SENDER = '628222@s.whatsapp.net';
export const MESSAGE_ID = '3EB0AAAA0000000000000001';
/** Receipts name a second message too: they carry several ids. */
export const OTHER_MESSAGE_ID = '3EB0AAAA0000000000000002';

/** Times from a tiny range (and sometimes none), so ties and missing timestamps are common. */
const time = fc.option(fc.integer({ min: 0, max: 3 }).map((n) => BASE + 60_000 + n * 1000), { nil: undefined });

export const scenarioArbitrary: fc.Arbitrary<MessageScenario> = fc.record({
  sentAt: fc.integer({ min: 0, max: 59 }).map((n) => BASE + n * 1000),
  text: fc.string({ maxLength: 20 }),
  // Several of one type happen in groups: each member delivers and reads at their own time.
  receipts: fc.array(fc.record({ type: fc.constantFrom('delivered', 'read', 'played', 'read-self'), at: time }), { maxLength: 5 }),
  edits: fc.array(fc.record({ at: time, text: fc.string({ maxLength: 10 }) }), { maxLength: 2 }),
  reactions: fc.array(fc.record({ reactor: fc.constantFrom('628301@s.whatsapp.net', '628302@s.whatsapp.net'), emoji: fc.constantFrom('👍', '❤️', ''), at: time }), {
    minLength: 1,
    maxLength: 3,
  }),
  removal: fc.constantFrom('revoke', 'delete', 'both'),
});

/** The scenario's events in canonical order: message, receipts, edits, reactions, revoke/delete. */
export function scenarioEvents(scenario: MessageScenario, deviceId: string): WhatsAppDomainEvent[] {
  let n = 0;
  const meta = (): DeliveryMeta => ({ deliveryId: `${deviceId}-d${n}`, receivedAt: new Date(BASE + 3_600_000 + (n += 1)), deviceId });
  const context = (messageId: string, at?: number) => ({
    messageId, chatId: CHAT, senderId: SENDER, timestamp: at === undefined ? undefined : new Date(at), isFromMe: false, isGroup: false,
  });
  const events: WhatsAppDomainEvent[] = [
    new MessageReceivedEvent(meta(), { ...context(MESSAGE_ID, scenario.sentAt), text: scenario.text, contacts: [], viewOnce: false, forwarded: false }),
  ];
  scenario.receipts.forEach((receipt, i) => {
    events.push(new ReceiptReceivedEvent(meta(), {
      messageIds: [MESSAGE_ID, OTHER_MESSAGE_ID], chatId: CHAT, senderId: `62840${i}@s.whatsapp.net`, receiptType: receipt.type,
      timestamp: receipt.at === undefined ? undefined : new Date(receipt.at), isGroup: false,
    }));
  });
  scenario.edits.forEach((edit, i) => {
    events.push(new MessageEditedEvent(meta(), { ...context(`EDIT${i}`, edit.at), originalMessageId: MESSAGE_ID, newText: edit.text }));
  });
  scenario.reactions.forEach((reaction, i) => {
    events.push(new MessageReactionEvent(meta(), {
      ...context(`REACT${i}`, reaction.at), senderId: reaction.reactor, reaction: reaction.emoji, removed: reaction.emoji === '', reactedMessageId: MESSAGE_ID,
    }));
  });
  if (scenario.removal !== 'delete') {
    events.push(new MessageRevokedEvent(meta(), { ...context('REVOKE', BASE + 90_000), revokedMessageId: MESSAGE_ID, revokedFromMe: false }));
  }
  if (scenario.removal !== 'revoke') {
    events.push(new MessageDeletedEvent(meta(), { deletedMessageId: MESSAGE_ID, chatId: CHAT, senderId: SENDER, timestamp: new Date(BASE + 95_000) }));
  }
  return events;
}

/** A scenario with an arrival order: every event at least once, some twice or more, shuffled. */
export const arrivalArbitrary = scenarioArbitrary.chain((scenario) => {
  const count = scenarioEvents(scenario, 'x').length;
  const indices = Array.from({ length: count }, (_, i) => i);
  return fc.tuple(
    fc.constant(scenario),
    fc.array(fc.nat({ max: count - 1 }), { maxLength: 5 }).chain((repeats) =>
      fc.shuffledSubarray([...indices, ...repeats], { minLength: count + repeats.length }),
    ),
  );
});
