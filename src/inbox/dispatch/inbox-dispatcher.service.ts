import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { EventEmitterReadinessWatcher } from '@nestjs/event-emitter';
import { inboxConfig } from '../../config/index.js';
import { AppDatabase } from '../../database/index.js';
import { ShutdownState } from '../../lifecycle/index.js';
import { InboxSignal } from '../inbox-signal.js';
import { IntakePressure } from '../intake-pressure.js';
import type { ClaimedDelivery } from '../storage/inbox-record.js';
import { InboxRepository } from '../storage/inbox.repository.js';
import { DeliveryProcessor } from './delivery-processor.js';

/**
 * The least time between a claim that found less than it asked for and the next. A claim costs
 * about the same for one delivery as for fifty (it walks the open rows), and with events arriving
 * one by one every new event and every finished delivery would wake a claim of its own: at
 * 1,000/s that was 650 claims a second, 15 % of the event loop (docs/PERFORMANCE.md, round 7).
 */
const CLAIM_GAP_MS = 5;

/**
 * Leases due deliveries and runs them, up to `concurrency` at once. Per-chat order comes from
 * the claim query (one open delivery per chat at a time), so chats run in parallel while each
 * chat's events run in arrival order.
 */
@Injectable()
export class InboxDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(InboxDispatcher.name);
  readonly workerId = `worker-${randomUUID()}`;
  private readonly inFlight = new Set<Promise<void>>();
  /** Deliveries whose result could not be written (database down): their leases go back as soon as it answers. */
  private readonly unsettled = new Set<number>();
  /** The deliveries running now, by id. */
  private readonly runningIds = new Set<number>();
  /**
   * A claim failed, so it may have committed without its answer reaching us (PostgreSQL's
   * connection cut between the two): such leases are ours but nothing runs them, and each would
   * hold its chat back until it expired. They go back as soon as the database answers.
   */
  private claimAnswerLost = false;
  /** How long the oldest first run of the last claim had waited for it (retries wait by design). */
  private claimLagMs = 0;
  /** When the last claim came back with fewer deliveries than it asked for (`CLAIM_GAP_MS`). */
  private lastShortClaimAt = -Infinity;
  private running = false;
  private loop?: Promise<void>;

  constructor(
    private readonly repository: InboxRepository,
    private readonly processor: DeliveryProcessor,
    private readonly signal: InboxSignal,
    private readonly database: AppDatabase,
    private readonly emitterReady: EventEmitterReadinessWatcher,
    private readonly pressure: IntakePressure,
    @Inject(inboxConfig.KEY) private readonly config: ConfigType<typeof inboxConfig>,
    @Optional() private readonly shutdown?: ShutdownState,
  ) {}

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.dispatch.enabled) return;
    // SQLite belongs to this one process: whatever a crashed run left leased is ours to resume now.
    // On PostgreSQL other replicas may be alive, so their leases are left to expire.
    if (this.database.dialect === 'sqlite') {
      const resumed = await this.repository.releaseClaims('all');
      if (resumed > 0) this.logger.log(`Resuming ${resumed} delivery(ies) interrupted by the last shutdown`);
    }
    await this.emitterReady.waitUntilReady();
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    // What is left of the shared shutdown deadline after the drain delay and the listener.
    await this.stop(this.shutdown?.remainingMs() ?? this.config.dispatch.shutdownTimeoutMs);
  }

  /** Stops claiming, lets in-flight deliveries finish within the timeout, and hands back the rest. */
  async stop(timeoutMs: number): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.signal.notify();
    await this.loop;
    const drained = await settleWithin([...this.inFlight], timeoutMs);
    if (!drained) this.logger.warn(`${this.inFlight.size} delivery(ies) still running after ${timeoutMs} ms; leaving them for the next start`);
    await this.repository.releaseClaims(this.workerId).catch(() => undefined);
  }

  private async run(): Promise<void> {
    const { pollIntervalMs, leaseMs } = this.config.dispatch;
    while (this.running) {
      await this.releaseUnsettled();
      const concurrency = this.concurrencyNow();
      // A claim costs a query and a share of a commit whatever its size: under load, slots are
      // refilled a quarter at a time rather than one by one as deliveries finish.
      const refill = Math.max(1, Math.floor(concurrency / 4));
      const free = concurrency - this.inFlight.size;
      let claimed: ClaimedDelivery[] = [];
      if (free >= refill || (free > 0 && this.inFlight.size === 0)) {
        const gap = this.lastShortClaimAt + CLAIM_GAP_MS - performance.now();
        if (gap > 0) await delay(gap);
        try {
          claimed = await this.repository.claim(this.workerId, free, leaseMs);
          this.claimLagMs = oldestFirstRunWait(claimed, Date.now());
          if (claimed.length < free) this.lastShortClaimAt = performance.now();
        } catch (error) {
          this.claimAnswerLost = true;
          this.logger.warn(`Claiming failed (${(error as Error).message}); retrying in ${pollIntervalMs} ms`);
        }
      }
      for (const record of claimed) this.start(record);
      if (claimed.length === 0 || concurrency - this.inFlight.size < refill) await this.signal.wait(pollIntervalMs);
    }
  }

  /**
   * Full concurrency, except while a burst of webhook requests waits for answers (see
   * IntakePressure) and the deliveries taken have not waited past `burstMaxDelayMs`. Without the
   * bound, webhooks sent one by one at 1,000/s kept more than 16 requests waiting often enough
   * that the dispatcher yielded nearly all the time and fell seconds behind (docs/PERFORMANCE.md).
   */
  private concurrencyNow(): number {
    const { concurrency, burstConcurrency, burstMaxDelayMs } = this.config.dispatch;
    return this.pressure.inBurst && this.claimLagMs <= burstMaxDelayMs ? burstConcurrency : concurrency;
  }

  private start(record: ClaimedDelivery): void {
    this.runningIds.add(record.id);
    const task: Promise<void> = this.processor
      .process(record, this.workerId)
      .then(() => undefined)
      .catch((error: Error) => {
        // Still leased to us: handed back as soon as the database answers (or when the lease runs out).
        this.unsettled.add(record.id);
        this.logger.error(`Delivery ${record.deliveryId} could not be settled (${error.name}: ${error.message}); it will run again once the database answers`);
      })
      .finally(() => {
        this.runningIds.delete(record.id);
        this.inFlight.delete(task);
        this.signal.notify();
      });
    this.inFlight.add(task);
  }

  private async releaseUnsettled(): Promise<void> {
    if (this.claimAnswerLost) {
      try {
        const released = await this.repository.releaseClaims(this.workerId, [...this.runningIds]);
        this.claimAnswerLost = false;
        this.unsettled.clear();
        if (released > 0) this.logger.warn(`Gave back ${released} lease(s) of a claim whose answer was lost`);
      } catch {
        return; // still down: the next turn of the loop tries again
      }
    }
    for (const id of this.unsettled) {
      try {
        await this.repository.releaseClaim(id, this.workerId);
        this.unsettled.delete(id);
      } catch {
        return; // still down: the next turn of the loop tries again
      }
    }
  }
}

async function settleWithin(tasks: Promise<void>[], timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const done = Promise.all(tasks).then(() => true);
  const result = await Promise.race([done, timeout]);
  clearTimeout(timer);
  return result;
}

/** Claims come oldest first: the wait of the first delivery on its first run, 0 if there is none. */
function oldestFirstRunWait(claimed: readonly ClaimedDelivery[], now: number): number {
  const first = claimed.find((record) => record.attempts === 1);
  return first ? Math.max(0, now - first.receivedAt.getTime()) : 0;
}
