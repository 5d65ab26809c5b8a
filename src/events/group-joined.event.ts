import { DomainEvent } from './whatsapp-domain.event.js';

export interface GroupJoinedData {
  readonly groupId: string;
  readonly groupName?: string;
  /** This account's own JID(s). */
  readonly participants: readonly string[];
  readonly reason?: string;
  readonly timestamp?: Date;
}

/** This account was added to a group. */
export class GroupJoinedEvent extends DomainEvent<GroupJoinedData>() {}
