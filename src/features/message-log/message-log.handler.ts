import { Injectable } from '@nestjs/common';
import {
  type MessageDeletedEvent, type MessageEditedEvent, type MessageReactionEvent, type MessageReceivedEvent,
  type MessageRevokedEvent, OnWhatsAppEvent, type ReceiptReceivedEvent, WhatsAppEvent,
} from '../../events/index.js';
import { fromDelete, fromEdit, fromMessage, fromReaction, fromReceipt, fromRevoke } from './message-log.patches.js';
import { MessageLogRepository } from './message-log.repository.js';

/**
 * Records every message-family event in the message log. Each write is an idempotent,
 * order-independent merge, so a retry or a late event never corrupts a row. It logs nothing:
 * the events carry message text.
 */
@Injectable()
export class MessageLogHandler {
  constructor(private readonly log: MessageLogRepository) {}

  @OnWhatsAppEvent(WhatsAppEvent.MessageReceived)
  onMessage(event: MessageReceivedEvent): Promise<void> {
    return this.log.upsert([fromMessage(event)]);
  }

  @OnWhatsAppEvent(WhatsAppEvent.ReceiptReceived)
  onReceipt(event: ReceiptReceivedEvent): Promise<void> {
    return this.log.upsert(fromReceipt(event));
  }

  @OnWhatsAppEvent(WhatsAppEvent.MessageEdited)
  onEdited(event: MessageEditedEvent): Promise<void> {
    return this.log.upsert([fromEdit(event)]);
  }

  @OnWhatsAppEvent(WhatsAppEvent.MessageRevoked)
  onRevoked(event: MessageRevokedEvent): Promise<void> {
    return this.log.upsert([fromRevoke(event)]);
  }

  @OnWhatsAppEvent(WhatsAppEvent.MessageDeleted)
  onDeleted(event: MessageDeletedEvent): Promise<void> {
    return this.log.upsert([fromDelete(event)]);
  }

  @OnWhatsAppEvent(WhatsAppEvent.MessageReaction)
  onReaction(event: MessageReactionEvent): Promise<void> {
    return this.log.upsertReaction(fromReaction(event));
  }
}
