import { DomainEvent } from './whatsapp-domain.event.js';

export interface NewsletterMessage {
  readonly serverId: string;
  readonly messageId: string;
  readonly type?: string;
  readonly timestamp?: Date;
  readonly viewsCount?: number;
  readonly reactionCounts?: Readonly<Record<string, number>>;
}

export interface NewsletterMessagesReceivedData {
  readonly newsletterId: string;
  readonly messages: readonly NewsletterMessage[];
  readonly timestamp?: Date;
}

/** New posts (or updated counts) in a followed channel. */
export class NewsletterMessagesReceivedEvent extends DomainEvent<NewsletterMessagesReceivedData>() {}
