import { Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { AppDatabase } from '../database/index.js';
import { DedupeStore } from './dedupe/dedupe.store.js';
import { InboxRepository } from './storage/inbox.repository.js';

/** Readiness of the inbox: its database answers, with the backlog for people reading /health. */
@Injectable()
export class InboxHealthIndicator {
  constructor(
    private readonly repository: InboxRepository,
    private readonly database: AppDatabase,
    private readonly dedupe: DedupeStore,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key = 'inbox'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      await this.repository.ping();
      const backlog = await this.repository.backlog();
      return indicator.up({ database: this.database.dialect, ...backlog });
    } catch (error) {
      return indicator.down({ database: this.database.dialect, error: (error as Error).name });
    }
  }

  /**
   * The dedupe front store. Its failure does not make the service unready (the database dedupes
   * alone meanwhile), so it is reported as `up` with `degraded: true`.
   */
  async dedupeStore(key = 'dedupe'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      await this.dedupe.ping();
      return indicator.up({ store: this.dedupe.kind });
    } catch {
      return indicator.up({ store: this.dedupe.kind, degraded: true, fallback: 'database' });
    }
  }
}
