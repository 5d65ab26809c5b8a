import { MessageCommonDto } from './message-common.dto.js';
import { OptionalString, RequiredString } from './payload-field.decorators.js';

/** `message.edited`: the gateway omits `body` when the edited message had no text it could read. */
export class MessageEditedPayloadDto extends MessageCommonDto {
  @RequiredString() original_message_id!: string;
  @OptionalString() body?: string;
}
