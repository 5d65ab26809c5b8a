import {
  OptionalBoolean,
  OptionalString,
  OptionalTimestamp,
  RequiredString,
} from './payload-field.decorators.js';

/** `message.deleted` ("delete for me"): the `original_*` keys exist only when the gateway still had the message. */
export class MessageDeletedPayloadDto {
  @RequiredString() deleted_message_id!: string;
  @OptionalTimestamp() timestamp?: string;
  @OptionalString() from?: string;
  @OptionalString() sender_display_name?: string;
  @OptionalString() from_name?: string;
  @OptionalString() chat_id?: string;
  @OptionalString() original_content?: string;
  @OptionalString() original_sender?: string;
  @OptionalTimestamp() original_timestamp?: string;
  @OptionalBoolean() was_from_me?: boolean;
  @OptionalString() original_media_type?: string;
  @OptionalString() original_filename?: string;
}
