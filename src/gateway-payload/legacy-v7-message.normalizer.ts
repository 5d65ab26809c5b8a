import { blankToAbsent, jidOf, legacyMedia, legacySender, withoutKeys } from './legacy-v7-fields.js';
import { isRecord, type JsonRecord } from './plain-json.js';

/** Keys that exist only in the v7 shape; everything else is carried over as the gateway sent it. */
const V7_ONLY_KEYS: ReadonlySet<string> = new Set([
  'action',
  'message',
  'reaction',
  'pushname',
  'sender_id',
  'edited_text',
  'device_id',
  'session_id',
]);

/** The current `message` payload for a flat v7 message (also the base of v7 revokes and edits). */
export function legacyMessagePayload(body: JsonRecord): JsonRecord {
  const message = isRecord(body.message) ? body.message : {};
  return withoutKeys(
    {
      ...body,
      ...legacyMedia(body),
      ...legacySender(body),
      id: message.id,
      from_name: blankToAbsent(body.pushname),
      body: blankToAbsent(message.text),
      replied_to_id: blankToAbsent(message.replied_id),
      quoted_body: blankToAbsent(message.quoted_message),
    },
    V7_ONLY_KEYS,
  );
}

/** v7 sent reactions as messages carrying `reaction: {message: emoji, id: reacted message}`. */
export function legacyMessageEvent(body: JsonRecord): { event: string; payload: JsonRecord } {
  const payload = legacyMessagePayload(body);
  if (!isRecord(body.reaction)) return { event: 'message', payload };
  const { message: emoji, id: reactedMessageId } = body.reaction;
  return {
    event: 'message.reaction',
    payload: withoutKeys({ ...payload, reaction: emoji ?? '', reacted_message_id: reactedMessageId }),
  };
}

export function legacyRevokePayload(body: JsonRecord): JsonRecord {
  return withoutKeys({ ...legacyMessagePayload(body), revoked_chat: jidOf(body.revoked_chat) });
}

export function legacyEditPayload(body: JsonRecord): JsonRecord {
  const payload = legacyMessagePayload(body);
  return withoutKeys({ ...payload, body: blankToAbsent(body.edited_text) ?? payload.body });
}

/** `event.delete_for_me` has no `message` object: only the deleted id, who deleted it, and what was known. */
export function legacyDeletePayload(body: JsonRecord): JsonRecord {
  return withoutKeys(
    { ...body, ...legacySender(body), from_name: blankToAbsent(body.pushname) },
    V7_ONLY_KEYS,
  );
}
