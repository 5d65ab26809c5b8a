import { Injectable, Logger } from '@nestjs/common';
import {
  type MessageDeletedEvent,
  type MessageEditedEvent,
  type MessageRevokedEvent,
  OnWhatsAppEvent,
  WhatsAppEvent,
} from '../../events/index.js';

/** Revocations, edits and deletions: the protocol messages that change an earlier message. */
@Injectable()
export class ProtocolActivityHandler {
  private readonly logger = new Logger(ProtocolActivityHandler.name);

  @OnWhatsAppEvent(WhatsAppEvent.MessageRevoked)
  onRevoked(event: MessageRevokedEvent): void {
    this.logger.debug(`message ${event.revokedMessageId} revoked in ${event.chatId}`);
  }

  @OnWhatsAppEvent(WhatsAppEvent.MessageEdited)
  onEdited(event: MessageEditedEvent): void {
    this.logger.debug(`message ${event.originalMessageId} edited in ${event.chatId}`);
  }

  @OnWhatsAppEvent(WhatsAppEvent.MessageDeleted)
  onDeleted(event: MessageDeletedEvent): void {
    this.logger.debug(`message ${event.deletedMessageId} deleted for me`);
  }
}
