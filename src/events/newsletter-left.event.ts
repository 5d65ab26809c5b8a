import { DomainEvent } from './whatsapp-domain.event.js';

export interface NewsletterLeftData {
  readonly newsletterId: string;
  readonly role?: string;
  readonly timestamp?: Date;
}

/** This account stopped following a channel (newsletter). */
export class NewsletterLeftEvent extends DomainEvent<NewsletterLeftData>() {}
