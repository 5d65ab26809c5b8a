import { DedupeStore } from './dedupe.store.js';

interface Entry {
  readonly deliveryId: string;
  readonly expiresAt: number;
}

/**
 * A bounded LRU with a TTL, for tests and single-process use. A `Map` keeps insertion order,
 * so re-inserting on access makes the first key the least recently used one.
 */
export class MemoryDedupeStore extends DedupeStore {
  readonly kind = 'memory';
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries: number) {
    super();
  }

  get size(): number {
    return this.entries.size;
  }

  async remember(key: string, deliveryId: string, windowMs: number): Promise<string | undefined> {
    const now = Date.now();
    const known = this.entries.get(key);
    if (known && known.expiresAt > now) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return known.deliveryId;
    }
    this.entries.delete(key);
    this.entries.set(key, { deliveryId, expiresAt: now + windowMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return undefined;
  }

  async forget(key: string, deliveryId: string): Promise<void> {
    if (this.entries.get(key)?.deliveryId === deliveryId) this.entries.delete(key);
  }

  async ping(): Promise<void> {}
}
