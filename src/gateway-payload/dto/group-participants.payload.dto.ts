import { IsIn } from 'class-validator';
import type { GroupParticipantAction } from '../../events/index.js';
import { RequiredString, StringList } from './payload-field.decorators.js';

export const GROUP_PARTICIPANT_ACTIONS: readonly GroupParticipantAction[] = ['join', 'leave', 'promote', 'demote'];

/** `group.participants`: one event per action type. */
export class GroupParticipantsPayloadDto {
  @RequiredString() chat_id!: string;
  @IsIn(GROUP_PARTICIPANT_ACTIONS) type!: GroupParticipantAction;
  @StringList() jids!: string[];
}
