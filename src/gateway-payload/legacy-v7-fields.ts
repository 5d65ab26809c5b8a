import { MEDIA_KINDS } from '../events/index.js';
import { splitSource, toJid } from './jid.js';
import { isRecord, type JsonRecord } from './plain-json.js';

/**
 * Field-level rewrites shared by the v7 normalisers. Values of the wrong type are passed on
 * untouched so the DTO of the current shape reports them: there is one validation path.
 */

const NO_KEYS: ReadonlySet<string> = new Set();

/** v7 sends `""` for "not there" (`replied_id`, `caption`, `text`, `pushname`). */
export function blankToAbsent(value: unknown): unknown {
  return value === '' ? undefined : value;
}

export function jidOf(value: unknown): unknown {
  return typeof value === 'string' ? toJid(value) : value;
}

/** The record without the given keys and without keys whose value is `undefined`. */
export function withoutKeys(record: JsonRecord, keys: ReadonlySet<string> = NO_KEYS): JsonRecord {
  const copy: JsonRecord = {};
  for (const [key, value] of Object.entries(record)) {
    if (!keys.has(key) && value !== undefined) copy[key] = value;
  }
  return copy;
}

/** Sender and chat as full JIDs: from `"<sender> in <chat>"` when v7 wrote that, else from the bare ids. */
export function legacySender(body: JsonRecord): JsonRecord {
  const source = typeof body.from === 'string' ? splitSource(body.from) : undefined;
  return {
    from: source?.sender ?? body.from ?? jidOf(body.sender_id),
    chat_id: source?.chat ?? jidOf(body.chat_id),
  };
}

/** v7 media `{media_path, mime_type, caption}` becomes the current `{path, caption}` (plus `mime_type`). */
export function legacyMedia(body: JsonRecord): JsonRecord {
  const media: JsonRecord = {};
  for (const kind of MEDIA_KINDS) {
    const value = body[kind];
    if (!isRecord(value)) continue;
    const { media_path: path, caption, ...rest } = value;
    media[kind] = withoutKeys({ ...rest, path: path ?? rest.path, caption: blankToAbsent(caption) });
  }
  return media;
}
