/**
 * A fast "seen this key?" check in front of the inbox's own unique key. The database check
 * always runs too (inside the commit), so a front store that forgets or fails never lets a
 * duplicate through; it only saves work on the ack path and across replicas.
 */
export abstract class DedupeStore {
  abstract readonly kind: 'database' | 'redis' | 'memory';

  /** Remembers `key → deliveryId` unless the key is known; returns the known delivery id if so. */
  abstract remember(key: string, deliveryId: string, windowMs: number): Promise<string | undefined>;

  /** Forgets a key this delivery remembered, when its commit failed (the gateway will retry it). */
  abstract forget(key: string, deliveryId: string): Promise<void>;

  /** Throws when the store is unreachable; used by readiness. */
  abstract ping(): Promise<void>;
}
