import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { PeriodicTask } from '../common/index.js';
import { inboxConfig } from '../config/index.js';
import { InboxRepository } from './storage/inbox.repository.js';

/**
 * Purges processed deliveries older than the retention age, and expired dedupe keys, in
 * small batches so the purge never holds a long lock on the ack path. Dead letters and
 * unrecognised deliveries are kept until someone replays or inspects them.
 */
@Injectable()
export class InboxRetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InboxRetentionService.name);
  private readonly task = new PeriodicTask('Retention purge', () => this.purge(), this.logger);

  constructor(
    private readonly repository: InboxRepository,
    @Inject(inboxConfig.KEY) private readonly config: ConfigType<typeof inboxConfig>,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.retention.intervalMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Purges until nothing is left to purge; returns what was removed. */
  async purge(now = Date.now()): Promise<{ deliveries: number; keys: number }> {
    const { processedMaxAgeMs, batchSize } = this.config.retention;
    let deliveries = 0;
    for (let removed = batchSize; removed === batchSize; deliveries += removed) {
      removed = await this.repository.purgeProcessed(now - processedMaxAgeMs, batchSize);
    }
    let keys = 0;
    for (let removed = batchSize; removed === batchSize; keys += removed) {
      removed = await this.repository.purgeExpiredKeys(now, batchSize);
    }
    if (deliveries + keys > 0) this.logger.log(`Purged ${deliveries} processed delivery(ies) and ${keys} expired dedupe key(s)`);
    return { deliveries, keys };
  }
}
