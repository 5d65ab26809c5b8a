import { CallOfferPayloadDto } from './dto/call-offer.payload.dto.js';
import { ChatPresencePayloadDto } from './dto/chat-presence.payload.dto.js';
import { GroupJoinedPayloadDto } from './dto/group-joined.payload.dto.js';
import { GroupParticipantsPayloadDto } from './dto/group-participants.payload.dto.js';
import { LabelAssociationPayloadDto } from './dto/label-association.payload.dto.js';
import { LabelEditPayloadDto } from './dto/label-edit.payload.dto.js';
import { MessageAckPayloadDto } from './dto/message-ack.payload.dto.js';
import { MessageDeletedPayloadDto } from './dto/message-deleted.payload.dto.js';
import { MessageEditedPayloadDto } from './dto/message-edited.payload.dto.js';
import { MessageReactionPayloadDto } from './dto/message-reaction.payload.dto.js';
import { MessageRevokedPayloadDto } from './dto/message-revoked.payload.dto.js';
import { MessagePayloadDto } from './dto/message.payload.dto.js';
import { NewsletterJoinedPayloadDto } from './dto/newsletter-joined.payload.dto.js';
import { NewsletterLeftPayloadDto } from './dto/newsletter-left.payload.dto.js';
import { NewsletterMessagePayloadDto } from './dto/newsletter-message.payload.dto.js';
import { NewsletterMutePayloadDto } from './dto/newsletter-mute.payload.dto.js';
import { mapCallOffer } from './mappers/call.mapper.js';
import { mapGroupJoined, mapGroupParticipants } from './mappers/group.mapper.js';
import { mapLabelAssociation, mapLabelEdit } from './mappers/label.mapper.js';
import { mapDeleted } from './mappers/message-deleted.mapper.js';
import { mapEdited, mapReaction, mapRevoked } from './mappers/message-protocol.mapper.js';
import { mapMessage } from './mappers/message.mapper.js';
import {
  mapNewsletterJoined,
  mapNewsletterLeft,
  mapNewsletterMessages,
  mapNewsletterMute,
} from './mappers/newsletter.mapper.js';
import { mapPresence } from './mappers/presence.mapper.js';
import { mapReceipt } from './mappers/receipt.mapper.js';
import {
  bodyIdentityBy,
  deletedIdentity,
  groupJoinedIdentity,
  groupParticipantsIdentity,
  messageIdentity,
  receiptIdentity,
} from './payload-identities.js';
import { route, type PayloadRoute } from './payload-route.js';

const byNewsletter = bodyIdentityBy('newsletter_id');

/**
 * The discriminator: the gateway's `event` name picks the payload's identity reader, DTO and mapper.
 * A Map, not an object literal, so that names like `__proto__` or `toString` find nothing.
 */
export const PAYLOAD_ROUTES: ReadonlyMap<string, PayloadRoute> = new Map([
  ['message', route(MessagePayloadDto, messageIdentity, mapMessage)],
  ['message.reaction', route(MessageReactionPayloadDto, messageIdentity, mapReaction)],
  ['message.revoked', route(MessageRevokedPayloadDto, messageIdentity, mapRevoked)],
  ['message.edited', route(MessageEditedPayloadDto, messageIdentity, mapEdited)],
  ['message.deleted', route(MessageDeletedPayloadDto, deletedIdentity, mapDeleted)],
  ['message.ack', route(MessageAckPayloadDto, receiptIdentity, mapReceipt)],
  ['chat_presence', route(ChatPresencePayloadDto, bodyIdentityBy('chat_id'), mapPresence)],
  ['group.participants', route(GroupParticipantsPayloadDto, groupParticipantsIdentity, mapGroupParticipants)],
  ['group.joined', route(GroupJoinedPayloadDto, groupJoinedIdentity, mapGroupJoined)],
  ['label.edit', route(LabelEditPayloadDto, bodyIdentityBy('label_id', (id) => `label:${id}`), mapLabelEdit)],
  ['label.association', route(LabelAssociationPayloadDto, bodyIdentityBy('chat_id'), mapLabelAssociation)],
  ['newsletter.joined', route(NewsletterJoinedPayloadDto, byNewsletter, mapNewsletterJoined)],
  ['newsletter.left', route(NewsletterLeftPayloadDto, byNewsletter, mapNewsletterLeft)],
  ['newsletter.message', route(NewsletterMessagePayloadDto, byNewsletter, mapNewsletterMessages)],
  ['newsletter.mute', route(NewsletterMutePayloadDto, byNewsletter, mapNewsletterMute)],
  ['call.offer', route(CallOfferPayloadDto, bodyIdentityBy('from'), mapCallOffer)],
]);

/** Whether `name` is one of the gateway's known event names (a bounded set, safe as a metric label). */
export function isKnownGatewayEvent(name: string): boolean {
  return PAYLOAD_ROUTES.has(name);
}
