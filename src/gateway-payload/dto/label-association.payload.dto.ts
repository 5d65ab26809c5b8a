import { OptionalString, RequiredBoolean, RequiredString } from './payload-field.decorators.js';

/** `label.association`: a label put on (`labeled: true`) or taken off a chat. */
export class LabelAssociationPayloadDto {
  @RequiredString() label_id!: string;
  @RequiredBoolean() labeled!: boolean;
  @RequiredString() chat_id!: string;
  @OptionalString() chat_lid?: string;
}
