import {
  NewsletterJoinedEvent,
  NewsletterLeftEvent,
  NewsletterMessagesReceivedEvent,
  NewsletterMuteChangedEvent,
  WhatsAppEvent,
  type NewsletterMessage,
} from '../../events/index.js';
import type { NewsletterJoinedPayloadDto } from '../dto/newsletter-joined.payload.dto.js';
import type { NewsletterLeftPayloadDto } from '../dto/newsletter-left.payload.dto.js';
import type { NewsletterMessagePayloadDto, NewsletterPostDto } from '../dto/newsletter-message.payload.dto.js';
import type { NewsletterMutePayloadDto } from '../dto/newsletter-mute.payload.dto.js';
import { toDate } from '../gateway-timestamp.js';
import { domainEvent, type MappedEvent, type PayloadMapper } from '../payload-route.js';
import { eventTime } from './mapping.helpers.js';

/** Newsletter events have no id; the channel is their "chat", so they apply in order per channel. */
function newsletterEvent(
  eventName: MappedEvent['eventName'],
  newsletterId: string,
  toDomainEvent: MappedEvent['toDomainEvent'],
): MappedEvent {
  return { eventName, chatId: newsletterId, dedupe: { kind: 'body' }, toDomainEvent };
}

export const mapNewsletterJoined: PayloadMapper<NewsletterJoinedPayloadDto> = (payload, envelope) =>
  newsletterEvent(
    WhatsAppEvent.NewsletterJoined,
    payload.newsletter_id,
    domainEvent(NewsletterJoinedEvent, {
      newsletterId: payload.newsletter_id,
      name: payload.name,
      description: payload.description,
      timestamp: eventTime(undefined, envelope),
    }),
  );

export const mapNewsletterLeft: PayloadMapper<NewsletterLeftPayloadDto> = (payload, envelope) =>
  newsletterEvent(
    WhatsAppEvent.NewsletterLeft,
    payload.newsletter_id,
    domainEvent(NewsletterLeftEvent, {
      newsletterId: payload.newsletter_id,
      role: payload.role,
      timestamp: eventTime(undefined, envelope),
    }),
  );

export const mapNewsletterMute: PayloadMapper<NewsletterMutePayloadDto> = (payload, envelope) =>
  newsletterEvent(
    WhatsAppEvent.NewsletterMuteChanged,
    payload.newsletter_id,
    domainEvent(NewsletterMuteChangedEvent, {
      newsletterId: payload.newsletter_id,
      muted: payload.mute === 'on',
      timestamp: eventTime(undefined, envelope),
    }),
  );

export const mapNewsletterMessages: PayloadMapper<NewsletterMessagePayloadDto> = (payload, envelope) =>
  newsletterEvent(
    WhatsAppEvent.NewsletterMessagesReceived,
    payload.newsletter_id,
    domainEvent(NewsletterMessagesReceivedEvent, {
      newsletterId: payload.newsletter_id,
      messages: (payload.messages ?? []).map(toNewsletterMessage),
      timestamp: eventTime(undefined, envelope),
    }),
  );

function toNewsletterMessage(post: NewsletterPostDto): NewsletterMessage {
  return {
    serverId: String(post.server_id),
    messageId: post.message_id,
    type: post.type,
    timestamp: toDate(post.timestamp),
    viewsCount: post.views_count,
    reactionCounts: post.reaction_counts,
  };
}
