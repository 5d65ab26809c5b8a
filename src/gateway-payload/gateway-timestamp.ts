/**
 * RFC3339 as Go's `time.RFC3339` writes it, in the gateway's local zone (`Z` or `±hh:mm`),
 * with optional fractional seconds (`RFC3339Nano`).
 */
const RFC3339 =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/i;

/** True for an RFC3339 string naming a real instant (`Date.parse` alone accepts Feb 30). */
export function isGatewayTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 40) return false;
  const match = RFC3339.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return false;
  return !Number.isNaN(Date.parse(value.toUpperCase()));
}

/** Converts a timestamp already checked with `isGatewayTimestamp`; absent stays absent. */
export function toDate(timestamp: string | undefined): Date | undefined {
  return timestamp === undefined ? undefined : new Date(timestamp.toUpperCase());
}
