import { DomainEvent } from './whatsapp-domain.event.js';

/** `delivered`, `read` and `read-self` are what the gateway sends today; others pass through as they come. */
export type ReceiptType = 'delivered' | 'read' | 'read-self' | 'played' | (string & {});

export interface ReceiptReceivedData {
  readonly messageIds: readonly string[];
  readonly chatId: string;
  /** Who delivered or read the messages. */
  readonly senderId: string;
  readonly senderLid?: string;
  readonly senderName?: string;
  readonly receiptType: ReceiptType;
  readonly description?: string;
  readonly timestamp?: Date;
  readonly isGroup: boolean;
}

/** Messages were delivered to, read or played by a recipient. */
export class ReceiptReceivedEvent extends DomainEvent<ReceiptReceivedData>() {}
