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
import { route, type PayloadRoute } from './payload-route.js';

/**
 * The discriminator: the gateway's `event` name picks the payload DTO and its mapper.
 * A Map, not an object literal, so that names like `__proto__` or `toString` find nothing.
 */
export const PAYLOAD_ROUTES: ReadonlyMap<string, PayloadRoute> = new Map([
  ['message', route(MessagePayloadDto, mapMessage)],
  ['message.reaction', route(MessageReactionPayloadDto, mapReaction)],
  ['message.revoked', route(MessageRevokedPayloadDto, mapRevoked)],
  ['message.edited', route(MessageEditedPayloadDto, mapEdited)],
  ['message.deleted', route(MessageDeletedPayloadDto, mapDeleted)],
  ['message.ack', route(MessageAckPayloadDto, mapReceipt)],
  ['chat_presence', route(ChatPresencePayloadDto, mapPresence)],
  ['group.participants', route(GroupParticipantsPayloadDto, mapGroupParticipants)],
  ['group.joined', route(GroupJoinedPayloadDto, mapGroupJoined)],
  ['label.edit', route(LabelEditPayloadDto, mapLabelEdit)],
  ['label.association', route(LabelAssociationPayloadDto, mapLabelAssociation)],
  ['newsletter.joined', route(NewsletterJoinedPayloadDto, mapNewsletterJoined)],
  ['newsletter.left', route(NewsletterLeftPayloadDto, mapNewsletterLeft)],
  ['newsletter.message', route(NewsletterMessagePayloadDto, mapNewsletterMessages)],
  ['newsletter.mute', route(NewsletterMutePayloadDto, mapNewsletterMute)],
  ['call.offer', route(CallOfferPayloadDto, mapCallOffer)],
]);

/** Whether `name` is one of the gateway's known event names (a bounded set, safe as a metric label). */
export function isKnownGatewayEvent(name: string): boolean {
  return PAYLOAD_ROUTES.has(name);
}
