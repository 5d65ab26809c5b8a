import {
  GroupJoinedEvent,
  GroupParticipantsChangedEvent,
  WhatsAppEvent,
  type GroupJoinedData,
  type GroupParticipantsChangedData,
} from '../../events/index.js';
import type { GroupJoinedPayloadDto } from '../dto/group-joined.payload.dto.js';
import type { GroupParticipantsPayloadDto } from '../dto/group-participants.payload.dto.js';
import { domainEvent, type PayloadMapper } from '../payload-route.js';
import { eventTime } from './mapping.helpers.js';

export const mapGroupParticipants: PayloadMapper<GroupParticipantsPayloadDto> = (payload, envelope) => {
  const data: GroupParticipantsChangedData = {
    groupId: payload.chat_id,
    action: payload.type,
    participants: payload.jids,
    timestamp: eventTime(undefined, envelope),
  };
  return {
    eventName: WhatsAppEvent.GroupParticipantsChanged,
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
    toDomainEvent: domainEvent(GroupJoinedEvent, data),
  };
};
