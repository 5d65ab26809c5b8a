import { registerAs } from '@nestjs/config';
import { loadEnvironment } from './environment.js';

export const DEFAULT_SQLITE_PATH = './data/webhooks.db';

export type DatabaseTarget =
  | { readonly kind: 'sqlite'; readonly path: string }
  /** `preparedStatements` (default on): the app's long statements as named prepared statements (`nameLongStatements`). */
  | { readonly kind: 'postgres'; readonly url: string; readonly preparedStatements?: boolean };

export const inboxConfig = registerAs('inbox', () => {
  const env = loadEnvironment();
  return {
    database: databaseTarget(env.DATABASE_URL, env.DATABASE_PREPARED_STATEMENTS === 'true'),
    dedupe: {
      store: env.DEDUPE_STORE,
      redisUrl: env.REDIS_URL,
      windowMs: env.DEDUPE_WINDOW_SECONDS * 1000,
      memoryMaxEntries: env.DEDUPE_MEMORY_MAX_ENTRIES,
    },
    dispatch: {
      enabled: env.DISPATCHER_ENABLED === 'true',
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
      maxAttempts: env.DISPATCH_MAX_ATTEMPTS,
      backoffBaseMs: env.DISPATCH_BACKOFF_BASE_MS,
      backoffMaxMs: env.DISPATCH_BACKOFF_MAX_MS,
      concurrency: env.DISPATCH_CONCURRENCY,
      burstThreshold: env.DISPATCH_BURST_THRESHOLD,
      burstConcurrency: Math.min(env.DISPATCH_BURST_CONCURRENCY, env.DISPATCH_CONCURRENCY),
      burstMinRate: env.DISPATCH_BURST_MIN_RATE,
      burstMaxDelayMs: env.DISPATCH_BURST_MAX_DELAY_MS,
      pollIntervalMs: env.DISPATCH_POLL_INTERVAL_MS,
      handlerTimeoutMs: env.HANDLER_TIMEOUT_MS,
      leaseMs: env.INBOX_LEASE_MS,
    },
    retention: {
      processedMaxAgeMs: env.RETENTION_PROCESSED_HOURS * 3600 * 1000,
      batchSize: env.RETENTION_BATCH_SIZE,
      intervalMs: env.RETENTION_INTERVAL_MS,
    },
  };
});

function databaseTarget(url: string | undefined, preparedStatements: boolean): DatabaseTarget {
  if (!url) return { kind: 'sqlite', path: DEFAULT_SQLITE_PATH };
  if (url.startsWith('sqlite:')) return { kind: 'sqlite', path: url.slice('sqlite:'.length) };
  return { kind: 'postgres', url, preparedStatements };
}
