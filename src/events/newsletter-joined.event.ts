import { DomainEvent } from './whatsapp-domain.event.js';

export interface NewsletterJoinedData {
  readonly newsletterId: string;
  readonly name?: string;
  readonly description?: string;
  readonly timestamp?: Date;
}

/** This account followed a channel (newsletter). */
export class NewsletterJoinedEvent extends DomainEvent<NewsletterJoinedData>() {}
