import type { MessageContext } from './message-context.js';
import { DomainEvent } from './whatsapp-domain.event.js';

export interface MessageEditedData extends MessageContext {
  /** The message that was edited (`messageId` is the edit's own id). */
  readonly originalMessageId: string;
  readonly newText: string;
}

/** A sent message's text was changed. */
export class MessageEditedEvent extends DomainEvent<MessageEditedData>() {}
