/** What a log line shows instead of a redacted value. */
export const REDACTED = '[REDACTED]';

/**
 * Paths pino blanks out before a line is written. Request logs carry headers: the signature
 * header would let anyone holding the log replay that exact body, and the admin token is a
 * credential. Bodies are never logged; the text paths are a second line of defence should
 * someone log an event object.
 */
export const REDACTED_PATHS = [
  'req.headers["x-hub-signature-256"]',
  'req.headers["x-hub-signature"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'req.body',
  'body',
  'text',
  'caption',
  'message',
  '*.text',
  '*.caption',
  '*.quotedText',
];
