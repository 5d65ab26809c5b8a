import {
  GroupJoinedEvent,
  GroupParticipantsChangedEvent,
  WhatsAppEvent,
  type GroupJoinedData,
  type GroupParticipantsChangedData,
} from '../../events/index.js';
import type { GroupJoinedPayloadDto } from '../dto/group-joined.payload.dto.js';
import type { GroupParticipantsPayloadDto } from '../dto/group-participants.payload.dto.js';
import type { GatewayEnvelope } from '../gateway-envelope.js';
import type { DedupeIdentity } from '../parsed-delivery.js';
import { domainEvent, type PayloadMapper } from '../payload-route.js';
import { eventTime } from './mapping.helpers.js';

/**
 * Group events have no id. The same change (group, type, members) at the same gateway time is the
 * same event; the time keeps a later identical change (leave, join again) from being dropped.
 */
function groupDedupe(chatId: string, type: string, jids: readonly string[], envelope: GatewayEnvelope): DedupeIdentity {
  return { kind: 'group', chatId, type, jids, timestamp: envelope.timestamp };
}

export const mapGroupParticipants: PayloadMapper<GroupParticipantsPayloadDto> = (payload, envelope) => {
  const data: GroupParticipantsChangedData = {
    groupId: payload.chat_id,
    action: payload.type,
    participants: payload.jids,
    timestamp: eventTime(undefined, envelope),
  };
  return {
    eventName: WhatsAppEvent.GroupParticipantsChanged,
    chatId: payload.chat_id,
    dedupe: groupDedupe(payload.chat_id, payload.type, payload.jids, envelope),
    toDomainEvent: domainEvent(GroupParticipantsChangedEvent, data),
  };
};

export const mapGroupJoined: PayloadMapper<GroupJoinedPayloadDto> = (payload, envelope) => {
  const data: GroupJoinedData = {
    groupId: payload.chat_id,
    groupName: payload.group_name,
    participants: payload.jids,
    reason: payload.reason,
    timestamp: eventTime(undefined, envelope),
  };
  return {
    eventName: WhatsAppEvent.GroupJoined,
    chatId: payload.chat_id,
    dedupe: groupDedupe(payload.chat_id, payload.type ?? 'join', payload.jids, envelope),
    toDomainEvent: domainEvent(GroupJoinedEvent, data),
  };
};
