import {
  OptionalBoolean,
  OptionalString,
  OptionalTimestamp,
  RequiredString,
} from './payload-field.decorators.js';

/** `chat_presence`: typing (`composing`) or stopped (`paused`); `media: "audio"` while recording. */
export class ChatPresencePayloadDto {
  @RequiredString() chat_id!: string;
  @RequiredString() from!: string;
  @RequiredString() state!: string;
  @OptionalString() media?: string;
  @OptionalBoolean() is_group?: boolean;
  @OptionalString() from_lid?: string;
  @OptionalString() sender_display_name?: string;
  @OptionalTimestamp() timestamp?: string;
}
