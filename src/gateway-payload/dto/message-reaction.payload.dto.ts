import { MessageCommonDto } from './message-common.dto.js';
import { OptionalString, RequiredString } from './payload-field.decorators.js';

/** `message.reaction`: `reaction` is `""` (or, defensively, missing) when the reaction was removed. */
export class MessageReactionPayloadDto extends MessageCommonDto {
  @RequiredString() reacted_message_id!: string;
  @OptionalString() reaction?: string;
}
