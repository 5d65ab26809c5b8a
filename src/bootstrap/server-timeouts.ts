import type { Server } from 'node:http';
import type { ConfigType } from '@nestjs/config';
import type { httpConfig } from '../config/index.js';

/**
 * Node checks header and request deadlines on a timer (30 s by default), so a 10 s deadline could
 * be overrun by 30 s. The timer starts on 'listening' with this value, hence set before listen.
 */
const CONNECTIONS_CHECK_INTERVAL_MS = 1000;

/**
 * Cuts off slow clients: one that trickles its headers (slowloris) or its body holds a socket
 * and, for the body, a buffer. Node's own defaults (60 s for headers, 5 min per request) are
 * far longer than a gateway on the same network needs. Call before `listen`.
 */
export function applyServerTimeouts(server: Server, config: ConfigType<typeof httpConfig>): void {
  server.headersTimeout = config.headersTimeoutMs;
  server.requestTimeout = config.requestTimeoutMs;
  // Longer than the usual load-balancer idle timeout (60 s), so the proxy closes idle connections
  // first and never sends a request on a socket we are closing.
  server.keepAliveTimeout = config.keepAliveTimeoutMs;
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(
    CONNECTIONS_CHECK_INTERVAL_MS,
    config.headersTimeoutMs,
  );
}
