import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { dedupeStoreProvider } from './dedupe/dedupe-store.provider.js';
import { DedupeStore } from './dedupe/dedupe.store.js';
import { RedisDedupeStore } from './dedupe/redis-dedupe.store.js';
import { DeliveryProcessor } from './dispatch/delivery-processor.js';
import { InboxDispatcher } from './dispatch/inbox-dispatcher.service.js';
import { InboxHealthIndicator } from './inbox.health.js';
import { InboxIntakeService } from './inbox-intake.service.js';
import { InboxObserver } from './inbox-observer.js';
import { InboxReplayService } from './inbox-replay.service.js';
import { InboxRetentionService } from './inbox-retention.service.js';
import { InboxSignal } from './inbox-signal.js';
import { IntakePressure } from './intake-pressure.js';
import { InboxQueryRepository } from './storage/inbox-query.repository.js';
import { KyselyInboxRepository } from './storage/kysely-inbox.repository.js';
import { InboxRepository } from './storage/inbox.repository.js';

@Module({
  imports: [TerminusModule],
  providers: [
    { provide: InboxRepository, useClass: KyselyInboxRepository },
    dedupeStoreProvider,
    InboxSignal,
    IntakePressure,
    // Reports to whoever subscribes (MetricsModule); a no-op without subscribers.
    InboxObserver,
    InboxIntakeService,
    DeliveryProcessor,
    InboxDispatcher,
    InboxRetentionService,
    InboxReplayService,
    InboxHealthIndicator,
    InboxQueryRepository,
  ],
  exports: [InboxIntakeService, IntakePressure, InboxReplayService, InboxRetentionService, InboxHealthIndicator, InboxDispatcher, InboxRepository, InboxObserver, InboxQueryRepository],
})
export class InboxModule implements OnApplicationShutdown {
  constructor(private readonly dedupe: DedupeStore) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dedupe instanceof RedisDedupeStore) await this.dedupe.close();
  }
}
