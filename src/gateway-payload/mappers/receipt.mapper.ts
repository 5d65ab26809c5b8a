import { ReceiptReceivedEvent, WhatsAppEvent, type ReceiptReceivedData } from '../../events/index.js';
import type { MessageAckPayloadDto } from '../dto/message-ack.payload.dto.js';
import { isGroupJid } from '../jid.js';
import { domainEvent, type PayloadMapper } from '../payload-route.js';
import { eventTime, nonEmpty } from './mapping.helpers.js';

/** `message.ack` → ReceiptReceivedEvent. */
export const mapReceipt: PayloadMapper<MessageAckPayloadDto> = (payload, envelope) => {
  const data: ReceiptReceivedData = {
    messageIds: payload.ids,
    chatId: payload.chat_id,
    senderId: payload.from,
    senderLid: payload.from_lid,
    senderName: nonEmpty(payload.sender_display_name),
    receiptType: payload.receipt_type,
    description: payload.receipt_type_description,
    timestamp: eventTime(payload.timestamp, envelope),
    isGroup: isGroupJid(payload.chat_id),
  };
  return {
    eventName: WhatsAppEvent.ReceiptReceived,
    toDomainEvent: domainEvent(ReceiptReceivedEvent, data),
  };
};
