import type { MessageContext } from './message-context.js';
import { DomainEvent } from './whatsapp-domain.event.js';

export interface MessageReactionData extends MessageContext {
  /** The emoji; empty when the reaction was removed. */
  readonly reaction: string;
  readonly removed: boolean;
  readonly reactedMessageId: string;
}

/** Someone reacted to a message, or removed their reaction. */
export class MessageReactionEvent extends DomainEvent<MessageReactionData>() {}
