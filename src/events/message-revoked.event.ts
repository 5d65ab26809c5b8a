import type { MessageContext } from './message-context.js';
import { DomainEvent } from './whatsapp-domain.event.js';

export interface MessageRevokedData extends MessageContext {
  /** The message deleted for everyone (`messageId` is the revoke's own id). */
  readonly revokedMessageId: string;
  readonly revokedFromMe: boolean;
  readonly revokedChatId?: string;
}

/** A message was deleted for everyone. */
export class MessageRevokedEvent extends DomainEvent<MessageRevokedData>() {}
