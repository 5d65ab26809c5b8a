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
import { domainEvent, type PayloadMapper } from '../payload-route.js';
import { eventTime } from './mapping.helpers.js';

export const mapNewsletterJoined: PayloadMapper<NewsletterJoinedPayloadDto> = (payload, envelope) =>
  ({
    eventName: WhatsAppEvent.NewsletterJoined,
    toDomainEvent: domainEvent(NewsletterJoinedEvent, {
      newsletterId: payload.newsletter_id,
      name: payload.name,
      description: payload.description,
      timestamp: eventTime(undefined, envelope),
    }),
  });

export const mapNewsletterLeft: PayloadMapper<NewsletterLeftPayloadDto> = (payload, envelope) =>
  ({
    eventName: WhatsAppEvent.NewsletterLeft,
    toDomainEvent: domainEvent(NewsletterLeftEvent, {
      newsletterId: payload.newsletter_id,
      role: payload.role,
      timestamp: eventTime(undefined, envelope),
    }),
  });

export const mapNewsletterMute: PayloadMapper<NewsletterMutePayloadDto> = (payload, envelope) =>
  ({
    eventName: WhatsAppEvent.NewsletterMuteChanged,
    toDomainEvent: domainEvent(NewsletterMuteChangedEvent, {
      newsletterId: payload.newsletter_id,
      muted: payload.mute === 'on',
      timestamp: eventTime(undefined, envelope),
    }),
  });

export const mapNewsletterMessages: PayloadMapper<NewsletterMessagePayloadDto> = (payload, envelope) =>
  ({
    eventName: WhatsAppEvent.NewsletterMessagesReceived,
    toDomainEvent: domainEvent(NewsletterMessagesReceivedEvent, {
      newsletterId: payload.newsletter_id,
      messages: (payload.messages ?? []).map(toNewsletterMessage),
      timestamp: eventTime(undefined, envelope),
    }),
  });

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
