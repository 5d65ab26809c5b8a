import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { REQUEST_LINE_OPTIONS } from './pino-options.js';

/** Adds fields to a request's log line. */
export type RequestLineFields = (fields: Readonly<Record<string, string>>) => void;

/**
 * The logger for `startRequestLine`: the app's pino instance (same destination and level) with
 * the `req`/`res` fields written as given, not through pino-http's serializers, which expect the
 * raw request and response and copy their headers. Create it once.
 *
 * Without redaction: the line is built from a fixed set of fields (request id, method, url, peer,
 * status, time, and the webhook's event name, delivery id and outcome), none of which can hold a
 * header, a body or message text, and walking the redaction paths (wildcards included) on every
 * line was 3 % of the ack path's CPU (docs/PERFORMANCE.md).
 */
export function requestLineLogger(root: Logger): Logger {
  const asGiven = (value: unknown) => value;
  return root.child({}, { serializers: { req: asGiven, res: asGiven }, redact: [] });
}

/**
 * The `request completed` line for the webhook endpoint: the fields pino-http writes for every
 * other route (request id, method, url, peer, status, time, same levels), without the request and
 * response headers. pino-http builds a child logger per request and serialises and redacts both
 * header sets; on the webhook, the hottest route, that was a fifth of the throughput (docs/PERFORMANCE.md).
 * Without headers there is no signature to redact. Sets `X-Request-Id` as pino-http does.
 * Call it with `requestLineLogger`'s logger when the request arrives; the line is written when the
 * response closes.
 */
export function startRequestLine(logger: Logger, request: IncomingMessage, response: ServerResponse): RequestLineFields {
  const started = performance.now();
  const id = REQUEST_LINE_OPTIONS.genReqId(request, response);
  const fields: Record<string, string> = {};
  response.once('close', () => {
    const completed = response.writableFinished;
    const level = completed ? REQUEST_LINE_OPTIONS.customLogLevel(request, response) : 'warn';
    logger[level](
      {
        req: { id, method: request.method, url: request.url, remoteAddress: request.socket.remoteAddress, remotePort: request.socket.remotePort },
        // An aborted request was never answered: no status to report.
        ...(completed && { res: { statusCode: response.statusCode } }),
        responseTime: Math.round(performance.now() - started),
        ...fields,
      },
      completed ? 'request completed' : 'request aborted',
    );
  });
  return (more) => Object.assign(fields, more);
}
