import {
  OptionalBoolean,
  OptionalIdLike,
  OptionalNumber,
  OptionalString,
  RequiredString,
} from './payload-field.decorators.js';

/** `label.edit`: the gateway copies only the action fields that are set. */
export class LabelEditPayloadDto {
  @RequiredString() label_id!: string;
  @OptionalString() name?: string;
  @OptionalNumber() color?: number;
  /** An int32 in the gateway's code, a string in its docs. */
  @OptionalIdLike() predefined_id?: string | number;
  @OptionalBoolean() deleted?: boolean;
  @OptionalNumber() order_index?: number;
  @OptionalBoolean() is_active?: boolean;
  @OptionalString() type?: string;
  @OptionalBoolean() is_immutable?: boolean;
  @OptionalNumber() mute_end_time_ms?: number;
}
