import type { MessageLogCursor } from '../features/message-log/index.js';
import { AdminBadRequestError } from './admin.errors.js';

/** Opaque keyset cursor: base64url of the JSON `[sentAt, messageId, deviceId]` of a page's last item. */
export function encodeMessageCursor(cursor: MessageLogCursor): string {
  return Buffer.from(JSON.stringify([cursor.sentAt, cursor.messageId, cursor.deviceId]), 'utf8').toString('base64url');
}

export function decodeMessageCursor(value: string): MessageLogCursor {
  const parsed = parse(Buffer.from(value, 'base64url').toString('utf8'));
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid();
  const [sentAt, messageId, deviceId] = parsed as unknown[];
  if (!Number.isSafeInteger(sentAt) || typeof messageId !== 'string' || typeof deviceId !== 'string') throw invalid();
  return { sentAt: sentAt as number, messageId, deviceId };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalid();
  }
}

const invalid = () => new AdminBadRequestError(['cursor must be a cursor returned by a previous page']);
