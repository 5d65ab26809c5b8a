export type JsonBody = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a raw body as strict UTF-8 JSON. Invalid UTF-8 is refused rather than silently
 * replaced, because the bytes we verified must be the bytes we read.
 */
export function decodeJsonBody(rawBody: Buffer): JsonBody {
  try {
    return { ok: true, value: JSON.parse(utf8.decode(rawBody)) as unknown };
  } catch {
    return { ok: false };
  }
}
