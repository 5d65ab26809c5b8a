import { DomainEvent } from './whatsapp-domain.event.js';

export type GroupParticipantAction = 'join' | 'leave' | 'promote' | 'demote';

export interface GroupParticipantsChangedData {
  readonly groupId: string;
  readonly action: GroupParticipantAction;
  readonly participants: readonly string[];
  readonly timestamp?: Date;
}

/** Members joined, left, were promoted to admin or demoted, in a group. */
export class GroupParticipantsChangedEvent extends DomainEvent<GroupParticipantsChangedData>() {}
