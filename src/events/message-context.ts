/** Who sent a message, where and when: shared by every message-family event. */
export interface MessageContext {
  /** The WhatsApp message id of this event (for an edit or a revoke, the id of that protocol message). */
  readonly messageId: string;
  /** Chat JID: `…@s.whatsapp.net` (person), `…@g.us` (group), `…@lid`, `…@newsletter`. */
  readonly chatId: string;
  readonly chatLid?: string;
  /** Sender JID. */
  readonly senderId: string;
  readonly senderLid?: string;
  /** Best display name the gateway had: saved contact name, else the sender's own push name. */
  readonly senderName?: string;
  readonly timestamp?: Date;
  readonly isFromMe: boolean;
  readonly isGroup: boolean;
}
