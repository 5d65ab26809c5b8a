import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { REDACTED, REDACTED_PATHS } from './redaction.js';
import { requestId } from './request-id.js';

export interface LoggingSettings {
  readonly level: string;
  readonly format: 'json' | 'pretty';
}

/** Probes and scrapes every few seconds would drown the request log. */
const QUIET_PATHS = /^\/(health(\/.*)?|metrics)(\?.*)?$/;

/** pino-pretty is a dev dependency: a production image asking for it gets JSON instead of a crash. */
function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * How each request's line is made, shared by the Nest pipeline's logger and the webhook endpoint's
 * (which answers ahead of it): the request id, and the level by status.
 */
export const REQUEST_LINE_OPTIONS = {
  genReqId: requestId,
  customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
    error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
} as const;

/** Fields of the request lines of the routes Nest serves (see `requestLogMiddleware`). */
export const NEST_ROUTE_LINE_OPTIONS = {
  ...REQUEST_LINE_OPTIONS,
  autoLogging: { ignore: (request: IncomingMessage) => QUIET_PATHS.test(request.url ?? '') },
} as const;

/**
 * nestjs-pino options: the app's one pino instance (level, redaction, format). Its own request
 * middleware is off (`forRoutes: []`): `requestLogMiddleware` writes the same lines without it.
 */
export function pinoParams(settings: LoggingSettings): Params {
  const pretty = settings.format === 'pretty' && prettyAvailable();
  return {
    forRoutes: [],
    pinoHttp: {
      level: settings.level,
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      ...(pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } } : {}),
    },
  };
}
