import { Injectable, Logger } from '@nestjs/common';
import { OnWhatsAppEvent, type ReceiptReceivedEvent, WhatsAppEvent } from '../../events/index.js';

@Injectable()
export class ReceiptActivityHandler {
  private readonly logger = new Logger(ReceiptActivityHandler.name);

  @OnWhatsAppEvent(WhatsAppEvent.ReceiptReceived)
  onReceipt(event: ReceiptReceivedEvent): void {
    this.logger.debug(`${event.receiptType} receipt for ${event.messageIds.length} message(s) in ${event.chatId}`);
  }
}
