import { Injectable, Logger } from '@nestjs/common';
import { type MessageReactionEvent, type MessageReceivedEvent, OnWhatsAppEvent, WhatsAppEvent } from '../../events/index.js';

/**
 * Logs a one-line summary of every message and reaction: kind, chat, sender, never the text.
 * The smallest possible handler, and the template for your own.
 */
@Injectable()
export class MessageActivityHandler {
  private readonly logger = new Logger(MessageActivityHandler.name);

  @OnWhatsAppEvent(WhatsAppEvent.MessageReceived)
  onMessage(event: MessageReceivedEvent): void {
    const kind = event.media?.kind ?? (event.location ? 'location' : event.contacts.length > 0 ? 'contact' : 'text');
    this.logger.debug(`${kind} message ${event.messageId} in ${event.chatId} from ${event.isFromMe ? 'me' : event.senderId}`);
  }

  @OnWhatsAppEvent(WhatsAppEvent.MessageReaction)
  onReaction(event: MessageReactionEvent): void {
    this.logger.debug(`reaction ${event.removed ? 'removed from' : 'on'} ${event.reactedMessageId} in ${event.chatId}`);
  }
}
