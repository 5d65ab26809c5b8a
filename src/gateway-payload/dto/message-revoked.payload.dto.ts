import { MessageCommonDto } from './message-common.dto.js';
import { OptionalBoolean, OptionalString, RequiredString } from './payload-field.decorators.js';

/** `message.revoked`: `id` is the revoke's own id, `revoked_message_id` the deleted message. */
export class MessageRevokedPayloadDto extends MessageCommonDto {
  @RequiredString() revoked_message_id!: string;
  @OptionalBoolean() revoked_from_me?: boolean;
  @OptionalString() revoked_chat?: string;
}
