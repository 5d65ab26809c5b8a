import {
  LabelAssociationChangedEvent,
  LabelEditedEvent,
  WhatsAppEvent,
  type LabelAssociationChangedData,
  type LabelEditedData,
} from '../../events/index.js';
import type { LabelAssociationPayloadDto } from '../dto/label-association.payload.dto.js';
import type { LabelEditPayloadDto } from '../dto/label-edit.payload.dto.js';
import { domainEvent, type PayloadMapper } from '../payload-route.js';
import { eventTime } from './mapping.helpers.js';

export const mapLabelEdit: PayloadMapper<LabelEditPayloadDto> = (payload, envelope) => {
  const data: LabelEditedData = {
    labelId: payload.label_id,
    name: payload.name,
    color: payload.color,
    predefinedId: payload.predefined_id === undefined ? undefined : String(payload.predefined_id),
    deleted: payload.deleted,
    orderIndex: payload.order_index,
    isActive: payload.is_active,
    type: payload.type,
    isImmutable: payload.is_immutable,
    muteEndTimeMs: payload.mute_end_time_ms,
    timestamp: eventTime(undefined, envelope),
  };
  return {
    eventName: WhatsAppEvent.LabelEdited,
    toDomainEvent: domainEvent(LabelEditedEvent, data),
  };
};

export const mapLabelAssociation: PayloadMapper<LabelAssociationPayloadDto> = (payload, envelope) => {
  const data: LabelAssociationChangedData = {
    labelId: payload.label_id,
    labeled: payload.labeled,
    chatId: payload.chat_id,
    chatLid: payload.chat_lid,
    timestamp: eventTime(undefined, envelope),
  };
  return {
    eventName: WhatsAppEvent.LabelAssociationChanged,
    toDomainEvent: domainEvent(LabelAssociationChangedEvent, data),
  };
};
