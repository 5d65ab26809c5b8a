/** A JSON object after `toPlainJson`: plain prototype, no prototype-changing keys, no null values. */
export type JsonRecord = { [key: string]: unknown };

/**
 * Keys that can reach a prototype when an object is copied with `obj[key] = value`
 * (class-transformer does exactly that). No gateway payload uses them.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Far deeper than any gateway payload; bounds recursion so a hostile body cannot blow the stack. */
export const MAX_JSON_DEPTH = 64;

export class JsonTooDeepError extends Error {
  constructor() {
    super(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    this.name = 'JsonTooDeepError';
  }
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Copies a parsed JSON value into fresh plain objects and arrays, which is what the validators
 * and mappers may then trust:
 * - prototype-changing keys are dropped, so nothing downstream can pollute or swap a prototype;
 * - object keys whose value is `null` are dropped: Go marshals a nil pointer, slice or map as
 *   `null`, which means "absent", and optional DTO fields are typed `T | undefined`;
 * - anything that is not a JSON value (only reachable when called with a non-JSON input) becomes
 *   `undefined`.
 * Throws `JsonTooDeepError` past `MAX_JSON_DEPTH`.
 */
export function toPlainJson(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'object') return undefined;
  if (depth >= MAX_JSON_DEPTH) throw new JsonTooDeepError();
  if (Array.isArray(value)) return value.map((item) => toPlainJson(item, depth + 1));
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  const copy: JsonRecord = {};
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    const item = toPlainJson((value as JsonRecord)[key], depth + 1);
    if (item !== null && item !== undefined) copy[key] = item;
  }
  return copy;
}
