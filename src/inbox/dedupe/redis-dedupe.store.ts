import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DedupeStore } from './dedupe.store.js';

const KEY_PREFIX = 'gowa-webhook:dedupe:';

/** Deletes the key only if it still holds this delivery's id (another delivery may own it by now). */
const FORGET_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * `SET key id NX PX window` shared by every replica. Commands fail fast when Redis is away
 * (no offline queue), so the ack path falls back to the database instead of waiting.
 */
export class RedisDedupeStore extends DedupeStore {
  readonly kind = 'redis';
  private readonly logger = new Logger(RedisDedupeStore.name);
  readonly client: Redis;

  constructor(url: string) {
    super();
    this.client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      commandTimeout: 1000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
      lazyConnect: true,
    });
    // ioredis emits errors while reconnecting; readiness and the fallback report them.
    this.client.on('error', (error: Error) => this.logger.debug(`Redis: ${error.message}`));
  }

  /** Connects before the first request; an unreachable Redis only degrades the service (the database dedupes). */
  async connect(): Promise<void> {
    try {
      await this.client.connect();
    } catch (error) {
      this.logger.warn(`Redis dedupe store unreachable at start (${(error as Error).message}); the database dedupes until it is back`);
    }
  }

  async remember(key: string, deliveryId: string, windowMs: number): Promise<string | undefined> {
    const redisKey = KEY_PREFIX + key;
    const set = await this.client.set(redisKey, deliveryId, 'PX', windowMs, 'NX');
    if (set === 'OK') return undefined;
    return (await this.client.get(redisKey)) ?? undefined;
  }

  async forget(key: string, deliveryId: string): Promise<void> {
    await this.client.eval(FORGET_SCRIPT, 1, KEY_PREFIX + key, deliveryId);
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }
}
