import { ChatPresenceChangedEvent, WhatsAppEvent, type ChatPresenceChangedData } from '../../events/index.js';
import type { ChatPresencePayloadDto } from '../dto/chat-presence.payload.dto.js';
import { isGroupJid } from '../jid.js';
import { domainEvent, type PayloadMapper } from '../payload-route.js';
import { eventTime, nonEmpty } from './mapping.helpers.js';

/** `chat_presence` → ChatPresenceChangedEvent. Typing indicators repeat by nature: deduped by body. */
export const mapPresence: PayloadMapper<ChatPresencePayloadDto> = (payload, envelope) => {
  const data: ChatPresenceChangedData = {
    chatId: payload.chat_id,
    senderId: payload.from,
    senderLid: payload.from_lid,
    senderName: nonEmpty(payload.sender_display_name),
    state: payload.state,
    media: payload.media ?? '',
    isGroup: payload.is_group ?? isGroupJid(payload.chat_id),
    timestamp: eventTime(payload.timestamp, envelope),
  };
  return {
    eventName: WhatsAppEvent.ChatPresenceChanged,
    toDomainEvent: domainEvent(ChatPresenceChangedEvent, data),
  };
};
