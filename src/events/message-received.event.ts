import type { MessageContext } from './message-context.js';
import type { MediaAttachment, ReplyContext, SharedContact, SharedLocation } from './message-content.js';
import { DomainEvent } from './whatsapp-domain.event.js';

export interface MessageReceivedData extends MessageContext {
  /** Text of the message, or the caption of its media. */
  readonly text?: string;
  readonly replyTo?: ReplyContext;
  readonly media?: MediaAttachment;
  /** One entry for a single shared contact, several for a contact list; empty otherwise. */
  readonly contacts: readonly SharedContact[];
  readonly location?: SharedLocation;
  readonly viewOnce: boolean;
  readonly forwarded: boolean;
  /** Click-to-WhatsApp ad attribution, as the gateway sent it. */
  readonly referral?: Readonly<Record<string, unknown>>;
  readonly list?: unknown;
  readonly order?: unknown;
  readonly interactive?: string;
  readonly interactiveMedia?: readonly string[];
}

/** A message arrived in a chat (sent by someone else, or by this account when `isFromMe`). */
export class MessageReceivedEvent extends DomainEvent<MessageReceivedData>() {}
