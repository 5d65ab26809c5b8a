import { createHmac } from 'node:crypto';

/**
 * Serialises a value the way the gateway's Go `json.Marshal` does for a map: keys sorted,
 * compact, and `<` `>` `&` U+2028 U+2029 escaped. These are the exact bytes the gateway signs.
 * The tests use this same serializer.
 */
export function gatewayJson(value: unknown): string {
  return escapeLikeGo(stringifySorted(value));
}

/** `sha256=<hex HMAC-SHA256(secret, raw bytes)>`, the gateway's `X-Hub-Signature-256` value. */
export function signBody(rawBody: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

function stringifySorted(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stringifySorted).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stringifySorted((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

function escapeLikeGo(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
