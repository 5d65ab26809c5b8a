import {
  OptionalBoolean,
  OptionalString,
  OptionalTimestamp,
  RequiredString,
} from './payload-field.decorators.js';

/** Fields every message-family payload carries (`message`, `.reaction`, `.revoked`, `.edited`). */
export abstract class MessageCommonDto {
  @RequiredString() id!: string;
  @RequiredString() chat_id!: string;
  @RequiredString() from!: string;
  @OptionalTimestamp() timestamp?: string;
  /** Always sent by the gateway's code, missing from its doc examples. */
  @OptionalBoolean() is_from_me?: boolean;
  @OptionalString() chat_lid?: string;
  @OptionalString() from_lid?: string;
  @OptionalString() sender_display_name?: string;
  @OptionalString() from_name?: string;
}
