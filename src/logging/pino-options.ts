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

/** nestjs-pino options: one JSON line per request with its id, status, time and webhook outcome. */
export function pinoParams(settings: LoggingSettings): Params {
  const pretty = settings.format === 'pretty' && prettyAvailable();
  return {
    // Fields set with PinoLogger.assign() during a request also reach its "request completed" line.
    assignResponse: true,
    pinoHttp: {
      level: settings.level,
      genReqId: requestId,
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      autoLogging: { ignore: (request: IncomingMessage) => QUIET_PATHS.test(request.url ?? '') },
      customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      ...(pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } } : {}),
    },
  };
}
