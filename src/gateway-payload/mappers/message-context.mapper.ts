import type { MessageContext } from '../../events/index.js';
import type { GatewayEnvelope } from '../gateway-envelope.js';
import type { MessageCommonDto } from '../dto/message-common.dto.js';
import { isGroupJid } from '../jid.js';
import { displayName, eventTime } from './mapping.helpers.js';

/** The who/where/when shared by every message-family event. */
export function toMessageContext(payload: MessageCommonDto, envelope: GatewayEnvelope): MessageContext {
  return {
    messageId: payload.id,
    chatId: payload.chat_id,
    chatLid: payload.chat_lid,
    senderId: payload.from,
    senderLid: payload.from_lid,
    senderName: displayName(payload),
    timestamp: eventTime(payload.timestamp, envelope),
    // The gateway always sends it; its doc examples leave it out.
    isFromMe: payload.is_from_me ?? false,
    isGroup: isGroupJid(payload.chat_id),
  };
}
