import { OptionalString, RequiredString, StringList } from './payload-field.decorators.js';

/** `group.joined`: this account was added to a group (`jids` holds its own JID). */
export class GroupJoinedPayloadDto {
  @RequiredString() chat_id!: string;
  @StringList() jids!: string[];
  @OptionalString() type?: string;
  @OptionalString() reason?: string;
  @OptionalString() group_name?: string;
}
