import { MessageDeletedEvent, WhatsAppEvent, type MessageDeletedData } from '../../events/index.js';
import type { MessageDeletedPayloadDto } from '../dto/message-deleted.payload.dto.js';
import { toDate } from '../gateway-timestamp.js';
import { domainEvent, type PayloadMapper } from '../payload-route.js';
import { displayName, eventTime } from './mapping.helpers.js';

/** `message.deleted` → MessageDeletedEvent ("delete for me"). */
export const mapDeleted: PayloadMapper<MessageDeletedPayloadDto> = (payload, envelope) => {
  const data: MessageDeletedData = {
    deletedMessageId: payload.deleted_message_id,
    chatId: payload.chat_id,
    senderId: payload.from,
    senderName: displayName(payload),
    timestamp: eventTime(payload.timestamp, envelope),
    originalText: payload.original_content,
    originalSenderId: payload.original_sender,
    originalTimestamp: toDate(payload.original_timestamp),
    wasFromMe: payload.was_from_me,
    originalMediaType: payload.original_media_type,
    originalFilename: payload.original_filename,
  };
  return {
    eventName: WhatsAppEvent.MessageDeleted,
    toDomainEvent: domainEvent(MessageDeletedEvent, data),
  };
};
