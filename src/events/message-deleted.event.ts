import { DomainEvent } from './whatsapp-domain.event.js';

export interface MessageDeletedData {
  readonly deletedMessageId: string;
  readonly chatId?: string;
  /** Who deleted it. */
  readonly senderId?: string;
  readonly senderName?: string;
  readonly timestamp?: Date;
  /** What the gateway still knew of the deleted message, when it had it. */
  readonly originalText?: string;
  readonly originalSenderId?: string;
  readonly originalTimestamp?: Date;
  readonly wasFromMe?: boolean;
  readonly originalMediaType?: string;
  readonly originalFilename?: string;
}

/** A message was deleted for this account only ("delete for me"). */
export class MessageDeletedEvent extends DomainEvent<MessageDeletedData>() {}
