import type { Server } from 'node:http';

/**
 * Stops accepting connections and waits for the requests in flight to be answered. Idle
 * keep-alive connections close at once (they would otherwise hold `close` open for their
 * whole timeout); connections still busy at the deadline are cut. Resolves whether all finished.
 */
export function closeListener(server: Server, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve(false);
    }, timeoutMs);
    server.close(() => {
      clearTimeout(timer);
      resolve(true);
    });
    server.closeIdleConnections();
  });
}
