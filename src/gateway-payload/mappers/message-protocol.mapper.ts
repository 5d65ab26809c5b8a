import {
  MessageEditedEvent,
  MessageReactionEvent,
  MessageRevokedEvent,
  WhatsAppEvent,
  type MessageEditedData,
  type MessageReactionData,
  type MessageRevokedData,
} from '../../events/index.js';
import type { MessageEditedPayloadDto } from '../dto/message-edited.payload.dto.js';
import type { MessageReactionPayloadDto } from '../dto/message-reaction.payload.dto.js';
import type { MessageRevokedPayloadDto } from '../dto/message-revoked.payload.dto.js';
import { domainEvent, type PayloadMapper } from '../payload-route.js';
import { toMessageContext } from './message-context.mapper.js';

/**
 * Reactions, revokes and edits are messages in their own right, with ids of their own; the id of
 * the message they act on is in the data.
 */

export const mapReaction: PayloadMapper<MessageReactionPayloadDto> = (payload, envelope) => {
  const reaction = payload.reaction ?? '';
  const data: MessageReactionData = {
    ...toMessageContext(payload, envelope),
    reaction,
    removed: reaction === '',
    reactedMessageId: payload.reacted_message_id,
  };
  return {
    eventName: WhatsAppEvent.MessageReaction,
    toDomainEvent: domainEvent(MessageReactionEvent, data),
  };
};

export const mapRevoked: PayloadMapper<MessageRevokedPayloadDto> = (payload, envelope) => {
  const data: MessageRevokedData = {
    ...toMessageContext(payload, envelope),
    revokedMessageId: payload.revoked_message_id,
    revokedFromMe: payload.revoked_from_me ?? false,
    revokedChatId: payload.revoked_chat,
  };
  return {
    eventName: WhatsAppEvent.MessageRevoked,
    toDomainEvent: domainEvent(MessageRevokedEvent, data),
  };
};

export const mapEdited: PayloadMapper<MessageEditedPayloadDto> = (payload, envelope) => {
  const data: MessageEditedData = {
    ...toMessageContext(payload, envelope),
    originalMessageId: payload.original_message_id,
    newText: payload.body ?? '',
  };
  return {
    eventName: WhatsAppEvent.MessageEdited,
    toDomainEvent: domainEvent(MessageEditedEvent, data),
  };
};
