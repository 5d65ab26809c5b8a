import { DomainEvent } from './whatsapp-domain.event.js';

export interface NewsletterMuteChangedData {
  readonly newsletterId: string;
  readonly muted: boolean;
  readonly timestamp?: Date;
}

/** A followed channel was muted or unmuted. */
export class NewsletterMuteChangedEvent extends DomainEvent<NewsletterMuteChangedData>() {}
