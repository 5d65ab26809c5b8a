import { MessageCommonDto } from './message-common.dto.js';
import { ContactDto, LocationDto, type MediaPayload } from './message-parts.dto.js';
import {
  OptionalBoolean,
  OptionalMedia,
  OptionalNested,
  OptionalNestedList,
  OptionalObject,
  OptionalString,
  OptionalStringList,
} from './payload-field.decorators.js';

/** `message`: text, media, contact, location… Only the keys we map are declared; others pass. */
export class MessagePayloadDto extends MessageCommonDto {
  @OptionalString() body?: string;
  @OptionalString() replied_to_id?: string;
  @OptionalString() quoted_body?: string;
  @OptionalBoolean() view_once?: boolean;
  @OptionalBoolean() forwarded?: boolean;
  @OptionalObject() referral?: Record<string, unknown>;
  @OptionalMedia() image?: MediaPayload;
  @OptionalMedia() video?: MediaPayload;
  @OptionalMedia() document?: MediaPayload;
  @OptionalMedia() video_note?: MediaPayload;
  @OptionalMedia() audio?: MediaPayload;
  @OptionalMedia() sticker?: MediaPayload;
  @OptionalNested(() => ContactDto) contact?: ContactDto;
  @OptionalNestedList(() => ContactDto) contacts_array?: ContactDto[];
  @OptionalNested(() => LocationDto) location?: LocationDto;
  @OptionalNested(() => LocationDto) live_location?: LocationDto;
  /** Raw protobuf objects, passed through as sent. */
  list?: unknown;
  order?: unknown;
  @OptionalString() interactive?: string;
  @OptionalStringList() interactive_media?: string[];
}
