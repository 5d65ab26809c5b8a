import { MessageReceivedEvent, WhatsAppEvent, type MessageReceivedData } from '../../events/index.js';
import type { MessagePayloadDto } from '../dto/message.payload.dto.js';
import { domainEvent, type PayloadMapper } from '../payload-route.js';
import { toContacts, toLocation, toMedia } from './message-content.mapper.js';
import { toMessageContext } from './message-context.mapper.js';
import { nonEmpty } from './mapping.helpers.js';

/** `message` → MessageReceivedEvent. */
export const mapMessage: PayloadMapper<MessagePayloadDto> = (payload, envelope) => {
  const media = toMedia(payload);
  const data: MessageReceivedData = {
    ...toMessageContext(payload, envelope),
    // The gateway copies a caption into `body`; older versions and v7 only had the caption.
    text: nonEmpty(payload.body) ?? media?.caption,
    replyTo:
      payload.replied_to_id === undefined || payload.replied_to_id === ''
        ? undefined
        : { messageId: payload.replied_to_id, quotedText: nonEmpty(payload.quoted_body) },
    media,
    contacts: toContacts(payload),
    location: toLocation(payload),
    viewOnce: payload.view_once ?? false,
    forwarded: payload.forwarded ?? false,
    referral: payload.referral,
    list: payload.list,
    order: payload.order,
    interactive: payload.interactive,
    interactiveMedia: payload.interactive_media,
  };
  return {
    eventName: WhatsAppEvent.MessageReceived,
    toDomainEvent: domainEvent(MessageReceivedEvent, data),
  };
};
