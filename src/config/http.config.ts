import { registerAs } from '@nestjs/config';
import { loadEnvironment } from './environment.js';

/** Limits of the HTTP server itself: how long a client may take to send a request, and idle keep-alive. */
export const httpConfig = registerAs('http', () => {
  const env = loadEnvironment();
  return {
    headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
  };
});
