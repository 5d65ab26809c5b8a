import type { HandlerOutcome } from '../../events/index.js';
import type { BacklogStats, ClaimedDelivery, InboxRecord, InsertResult, NewDelivery, Settlement } from './inbox-record.js';

/**
 * The durable inbox. One implementation serves SQLite and PostgreSQL through Kysely; this
 * abstract class is the DI token, so nothing else knows which database is in use.
 */
export abstract class InboxRepository {
  /** Commits the delivery and its dedupe key atomically, unless the key is already taken within the window. */
  abstract insert(delivery: NewDelivery, dedupeWindowMs: number): Promise<InsertResult>;

  /**
   * Leases up to `limit` deliveries that are due, taking at most the oldest open delivery of
   * each chat, so one chat's events run one at a time in arrival order. Safe across replicas.
   */
  abstract claim(workerId: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]>;

  abstract succeededHandlers(deliveryId: string): Promise<Set<string>>;

  /**
   * Records the handlers' outcomes and ends the run (done, due again, dead) in one commit. The
   * result is written only while this worker still holds the lease, so a taken-over delivery is
   * not overwritten; the outcomes are kept either way.
   */
  abstract settle(id: number, deliveryId: string, workerId: string, outcomes: readonly HandlerOutcome[], settlement: Settlement): Promise<void>;

  abstract markUnrecognized(id: number, workerId: string, reason: string): Promise<void>;

  /** Gives back one lease this worker holds, so the delivery is due again at once. */
  abstract releaseClaim(id: number, workerId: string): Promise<void>;

  /**
   * Gives back leases: this worker's on shutdown, or every lease at a single-process start; or
   * this worker's except the deliveries it is running, after a claim whose answer was lost.
   */
  abstract releaseClaims(workerId: string | 'all', except?: readonly number[]): Promise<number>;

  /** Makes dead, done or unrecognised deliveries due again. Returns how many were reset. */
  abstract replay(deliveryIds: readonly string[], options: { rerunSucceededHandlers: boolean }): Promise<number>;

  abstract purgeProcessed(finishedBefore: number, batchSize: number): Promise<number>;
  abstract purgeExpiredKeys(now: number, batchSize: number): Promise<number>;

  abstract hasDelivery(deliveryId: string): Promise<boolean>;
  abstract findByDeliveryId(deliveryId: string): Promise<InboxRecord | undefined>;
  abstract backlog(): Promise<BacklogStats>;
  abstract ping(): Promise<void>;
}
