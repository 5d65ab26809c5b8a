import { OptionalBoolean, OptionalString, RequiredString } from './payload-field.decorators.js';

/** `call.offer`: an incoming call (`auto_rejected` when the gateway's auto-reject already declined it). */
export class CallOfferPayloadDto {
  @RequiredString() call_id!: string;
  @RequiredString() from!: string;
  @OptionalString() from_lid?: string;
  @OptionalString() sender_display_name?: string;
  @OptionalBoolean() auto_rejected?: boolean;
  @OptionalString() remote_platform?: string;
  @OptionalString() remote_version?: string;
  @OptionalString() group_jid?: string;
}
