import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { inboxConfig } from '../config/index.js';

/**
 * A burst lasts this long past the last moment more than the threshold waited. Answers leave in
 * group-commit batches, so the count of waiting requests drops to near zero after every commit
 * even in the middle of a burst; without the hold the dispatcher would read those instants as
 * calm and take the loop back.
 */
const BURST_HOLD_MS = 200;

/**
 * Arrivals are counted in slots of `RATE_SLOT_MS`, and the rate is taken over the last
 * `RATE_SLOTS` of them (half a second): long enough that an event-loop pause, after which many
 * requests are read at once, barely moves it.
 */
const RATE_SLOT_MS = 100;
const RATE_SLOTS = 5;

/**
 * Tells the dispatcher when webhook requests are arriving faster than they are answered, at a
 * rate it could not process as they come anyway. The dispatcher shares the event loop with the
 * ack path and yields to it during such a burst (`DISPATCH_BURST_THRESHOLD`,
 * `DISPATCH_BURST_MIN_RATE`): an acknowledgment is what the gateway waits for (and retries
 * without), while a committed delivery can wait in the inbox until the burst has passed. Below
 * the rate, requests that pile up are a slow disk or a pause, not a burst, and the dispatcher
 * keeps processing as they come (docs/PERFORMANCE.md, round 7).
 */
@Injectable()
export class IntakePressure {
  private waiting = 0;
  private busyUntil = 0;
  private readonly threshold: number;
  private readonly minRate: number;
  /** Arrivals per slot, a ring indexed by slot number modulo `RATE_SLOTS`. */
  private readonly arrivals = new Array<number>(RATE_SLOTS).fill(0);
  private newestSlot = 0;

  constructor(@Inject(inboxConfig.KEY) config: ConfigType<typeof inboxConfig>) {
    this.threshold = config.dispatch.burstThreshold;
    this.minRate = config.dispatch.burstMinRate;
  }

  get waitingRequests(): number {
    return this.waiting;
  }

  /** Requests per second that arrived over the last half second. */
  get arrivalRate(): number {
    const now = performance.now();
    this.advanceTo(Math.floor(now / RATE_SLOT_MS));
    const seconds = ((RATE_SLOTS - 1) * RATE_SLOT_MS + (now % RATE_SLOT_MS)) / 1000;
    return this.arrivals.reduce((sum, count) => sum + count, 0) / seconds;
  }

  /**
   * More than the threshold wait now, or did within the last `BURST_HOLD_MS`, while requests
   * arrive at the burst rate or faster. Never with threshold 0.
   */
  get inBurst(): boolean {
    if (this.threshold === 0 || (this.waiting <= this.threshold && performance.now() >= this.busyUntil)) return false;
    return this.minRate === 0 || this.arrivalRate >= this.minRate;
  }

  /** Counts one request until the returned function is called (once; later calls do nothing). */
  enter(): () => void {
    const slot = Math.floor(performance.now() / RATE_SLOT_MS);
    this.advanceTo(slot);
    this.arrivals[slot % RATE_SLOTS]! += 1;
    this.waiting++;
    if (this.threshold > 0 && this.waiting > this.threshold) this.busyUntil = performance.now() + BURST_HOLD_MS;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.waiting--;
    };
  }

  /** Empties the slots between the newest one counted and `slot`, which becomes the newest. */
  private advanceTo(slot: number): void {
    if (slot <= this.newestSlot) return;
    for (let s = Math.max(this.newestSlot + 1, slot - RATE_SLOTS + 1); s <= slot; s++) this.arrivals[s % RATE_SLOTS] = 0;
    this.newestSlot = slot;
  }
}
