import { GROUP_PARTICIPANT_ACTIONS } from './dto/group-participants.payload.dto.js';
import type { GatewayEnvelope } from './gateway-envelope.js';
import type { IdentityReader, PayloadIdentity } from './payload-route.js';
import type { JsonRecord } from './plain-json.js';

/**
 * Each event's identity, read from the payload as its DTO would check those fields
 * (`RequiredString`: a non-empty string; `StringList`: an array of strings), so a field the
 * reader accepts is one the DTO accepts. Nulls were dropped before (`toPlainJson`), so an absent
 * optional field is `undefined`.
 */

const requiredString = (value: unknown): value is string => typeof value === 'string' && value !== '';
const optionalString = (value: unknown): value is string | undefined => value === undefined || typeof value === 'string';
const stringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isParticipantAction = (value: unknown): value is string => (GROUP_PARTICIPANT_ACTIONS as readonly unknown[]).includes(value);
const nonEmptyStringList = (value: unknown): value is string[] => stringList(value) && value.length > 0 && value.every((item) => item !== '');

/**
 * Message-family events (`message`, `.reaction`, `.revoked`, `.edited`): a WhatsApp message id is
 * unique per message, so it identifies a redelivery (reactions, revokes and edits have their own).
 */
export const messageIdentity: IdentityReader = ({ id, chat_id: chatId }) =>
  requiredString(id) && requiredString(chatId) ? { chatId, dedupe: { kind: 'message', messageId: id } } : undefined;

/** `message.deleted` has no id of its own; prefixed so it never collides with the deleted message's key. */
export const deletedIdentity: IdentityReader = ({ deleted_message_id: deletedId, chat_id: chatId }) =>
  requiredString(deletedId) && optionalString(chatId) ? { chatId, dedupe: { kind: 'message', messageId: `deleted:${deletedId}` } } : undefined;

/** A receipt has no id: the same reader, type and messages in the same chat is the same receipt. */
export const receiptIdentity: IdentityReader = ({ ids, chat_id: chatId, from, receipt_type: receiptType }) =>
  nonEmptyStringList(ids) && requiredString(chatId) && requiredString(from) && requiredString(receiptType)
    ? { chatId, dedupe: { kind: 'receipt', chatId, senderId: from, receiptType, messageIds: ids } }
    : undefined;

/**
 * Group events have no id. The same change (group, type, members) at the same gateway time is the
 * same event; the time keeps a later identical change (leave, join again) from being dropped.
 */
function groupIdentity(chatId: string, type: string, jids: readonly string[], envelope: GatewayEnvelope): PayloadIdentity {
  return { chatId, dedupe: { kind: 'group', chatId, type, jids, timestamp: envelope.timestamp } };
}

export const groupParticipantsIdentity: IdentityReader = ({ chat_id: chatId, type, jids }, envelope) =>
  requiredString(chatId) && isParticipantAction(type) && stringList(jids) ? groupIdentity(chatId, type, jids, envelope) : undefined;

export const groupJoinedIdentity: IdentityReader = ({ chat_id: chatId, type, jids }, envelope) =>
  requiredString(chatId) && optionalString(type) && stringList(jids) ? groupIdentity(chatId, type ?? 'join', jids, envelope) : undefined;

/**
 * Events with no natural key are deduplicated by the hash of their body; `field` names the
 * field that orders them: a call has no chat (ordered per caller), a newsletter is its own chat,
 * and edits of one label must apply in order.
 */
export function bodyIdentityBy(field: string, chatKey: (value: string) => string = (value) => value): IdentityReader {
  return (payload: JsonRecord) => {
    const value = payload[field];
    return requiredString(value) ? { chatId: chatKey(value), dedupe: { kind: 'body' } } : undefined;
  };
}
