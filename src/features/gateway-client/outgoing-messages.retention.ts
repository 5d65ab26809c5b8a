import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { PeriodicTask } from '../../common/index.js';
import { inboxConfig } from '../../config/index.js';
import { OutgoingMessageStore } from './outgoing-message.store.js';

/**
 * Keeps `outgoing_messages` from growing forever. A row only guards against a second send while
 * its delivery can still come back (a retry, a redelivery, a replay of a processed delivery), so
 * it is kept exactly as long as the inbox keeps processed deliveries: RETENTION_PROCESSED_HOURS.
 */
@Injectable()
export class OutgoingMessagesRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutgoingMessagesRetention.name);
  private readonly task = new PeriodicTask('Outgoing message purge', () => this.purge(), this.logger);

  constructor(
    private readonly store: OutgoingMessageStore,
    @Inject(inboxConfig.KEY) private readonly config: ConfigType<typeof inboxConfig>,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.retention.intervalMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Purges in batches until nothing old is left; returns how many rows went. */
  async purge(now = Date.now()): Promise<number> {
    const { processedMaxAgeMs, batchSize } = this.config.retention;
    let purged = 0;
    for (let removed = batchSize; removed === batchSize; purged += removed) {
      removed = await this.store.purgeSettled(now - processedMaxAgeMs, batchSize);
    }
    if (purged > 0) this.logger.log(`Purged ${purged} settled outgoing message record(s)`);
    return purged;
  }
}
