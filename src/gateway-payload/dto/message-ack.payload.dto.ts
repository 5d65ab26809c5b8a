import {
  NonEmptyStringList,
  OptionalString,
  OptionalTimestamp,
  RequiredString,
} from './payload-field.decorators.js';

/** `message.ack`: one receipt for one or more messages of a chat. */
export class MessageAckPayloadDto {
  @NonEmptyStringList() ids!: string[];
  @RequiredString() chat_id!: string;
  @RequiredString() from!: string;
  @RequiredString() receipt_type!: string;
  @OptionalString() receipt_type_description?: string;
  @OptionalString() from_lid?: string;
  @OptionalString() sender_display_name?: string;
  @OptionalTimestamp() timestamp?: string;
}
