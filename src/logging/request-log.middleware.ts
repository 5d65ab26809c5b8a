import type { IncomingMessage, ServerResponse } from 'node:http';
import { PinoLogger } from 'nestjs-pino';
import { type HttpLogger, pinoHttp } from 'pino-http';
import { NEST_ROUTE_LINE_OPTIONS } from './pino-options.js';

/**
 * One `request completed` line per request for every route Nest serves (the webhook writes its
 * own, see `startRequestLine`): pino-http on the app's root logger, so the same destination,
 * level and redaction, headers included.
 *
 * Instead of nestjs-pino's middleware, which also runs each request inside an AsyncLocalStorage so
 * that logs written during it carry the request. On Node 20 the first `run()` of any
 * AsyncLocalStorage installs async hooks for good, and from then on every promise and async
 * resource of the process pays for them, the webhook's too: 15 % of the ack path's CPU, and a
 * health probe is enough to turn them on (docs/PERFORMANCE.md, round 12). What that costs: lines
 * logged while a Nest route runs are not bound to its request, and `PinoLogger.assign()` (unused
 * here) has no request to assign to.
 */
export function requestLogMiddleware(): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
  let httpLogger: HttpLogger | undefined;
  return (request, response, next) => {
    // Built on first use: nestjs-pino sets the root logger while the app initialises.
    httpLogger ??= pinoHttp({ ...NEST_ROUTE_LINE_OPTIONS, logger: PinoLogger.root });
    httpLogger(request, response, next);
  };
}
