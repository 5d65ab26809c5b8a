import { CallOfferedEvent, WhatsAppEvent, type CallOfferedData } from '../../events/index.js';
import type { CallOfferPayloadDto } from '../dto/call-offer.payload.dto.js';
import { domainEvent, type PayloadMapper } from '../payload-route.js';
import { eventTime, nonEmpty } from './mapping.helpers.js';

/** `call.offer` → CallOfferedEvent. Ordered per caller: a call has no chat of its own. */
export const mapCallOffer: PayloadMapper<CallOfferPayloadDto> = (payload, envelope) => {
  const data: CallOfferedData = {
    callId: payload.call_id,
    callerId: payload.from,
    callerLid: payload.from_lid,
    callerName: nonEmpty(payload.sender_display_name),
    autoRejected: payload.auto_rejected ?? false,
    remotePlatform: payload.remote_platform,
    remoteVersion: payload.remote_version,
    groupId: payload.group_jid,
    timestamp: eventTime(undefined, envelope),
  };
  return {
    eventName: WhatsAppEvent.CallOffered,
    toDomainEvent: domainEvent(CallOfferedEvent, data),
  };
};
