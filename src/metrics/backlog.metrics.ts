import { Injectable, Logger } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { type BacklogStats, InboxRepository } from '../inbox/index.js';

/**
 * Inbox backlog gauges, read from the database at scrape time (so every replica reports the shared
 * inbox, not only its own work). The registry collects metrics in parallel, so the three gauges
 * share one in-flight `backlog()` query. If the database does not answer, they read NaN.
 */
@Injectable()
export class BacklogMetrics {
  private readonly logger = new Logger(BacklogMetrics.name);
  private inFlight?: Promise<BacklogStats | undefined>;

  constructor(
    private readonly repository: InboxRepository,
    registry: Registry,
  ) {
    const gauge = (name: string, help: string, read: (stats: BacklogStats) => number) => {
      const snapshot = () => this.snapshot();
      return new Gauge({
        name,
        help,
        registers: [registry],
        async collect() {
          const stats = await snapshot();
          this.set(stats ? read(stats) : Number.NaN);
        },
      });
    };
    gauge('whatsapp_inbox_backlog', 'Deliveries waiting to be dispatched.', (s) => s.pending);
    gauge('whatsapp_inbox_oldest_pending_seconds', 'Age of the oldest pending delivery (0 when none).', (s) => (s.oldestPendingAgeMs ?? 0) / 1000);
    gauge('whatsapp_inbox_dead_letters', 'Dead-lettered deliveries awaiting replay.', (s) => s.dead);
  }

  private snapshot(): Promise<BacklogStats | undefined> {
    this.inFlight ??= this.repository
      .backlog()
      .catch((error: Error) => {
        this.logger.warn(`Backlog query failed for metrics: ${error.name}: ${error.message}`);
        return undefined;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }
}
