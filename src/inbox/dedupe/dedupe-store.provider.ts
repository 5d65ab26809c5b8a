import type { FactoryProvider } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { inboxConfig } from '../../config/index.js';
import { DatabaseDedupeStore } from './database-dedupe.store.js';
import { DedupeStore } from './dedupe.store.js';
import { MemoryDedupeStore } from './memory-dedupe.store.js';
import { RedisDedupeStore } from './redis-dedupe.store.js';

export const dedupeStoreProvider: FactoryProvider<DedupeStore> = {
  provide: DedupeStore,
  inject: [inboxConfig.KEY],
  useFactory: async ({ dedupe }: ConfigType<typeof inboxConfig>) => {
    switch (dedupe.store) {
      case 'memory':
        return new MemoryDedupeStore(dedupe.memoryMaxEntries);
      case 'redis': {
        // Config validation guarantees the URL when the redis store is chosen.
        const store = new RedisDedupeStore(dedupe.redisUrl!);
        await store.connect();
        return store;
      }
      default:
        return new DatabaseDedupeStore();
    }
  },
};
