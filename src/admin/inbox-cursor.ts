import type { InboxCursor } from '../inbox/index.js';
import { AdminBadRequestError } from './admin.errors.js';

/** Opaque keyset cursor: base64url of `<receivedAt>.<id>` of the last item of a page. */
export function encodeCursor(cursor: InboxCursor): string {
  return Buffer.from(`${cursor.receivedAt}.${cursor.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(value: string): InboxCursor {
  const match = /^(\d{1,16})\.(\d{1,16})$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match) throw new AdminBadRequestError(['cursor must be a cursor returned by a previous page']);
  return { receivedAt: Number(match[1]), id: Number(match[2]) };
}
