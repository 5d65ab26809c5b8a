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
 * After a quiet spell the rate is taken over the time since arrivals resumed, not over a half
 * second that was mostly silence: a 50-connection burst on an idle app reached 1,200/s over the
 * full window only after ~170 ms, and in those first 170 ms the dispatcher ran at full concurrency
 * beside it, which alone held 300-450 of 15,000 answers past 25 ms (docs/PERFORMANCE.md, round 8).
 * Never over less than this, so that a few requests arriving together are not a rate.
 */
const MIN_RATE_SPAN_MS = 25;

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
  /** When the first request arrived into an empty window. */
  private activeSince = 0;
  /** The pile-up going on was recognised as a burst (`inBurst`); cleared when a new pile-up starts. */
  private recognised = false;

  constructor(@Inject(inboxConfig.KEY) config: ConfigType<typeof inboxConfig>) {
    this.threshold = config.dispatch.burstThreshold;
    this.minRate = config.dispatch.burstMinRate;
  }

  get waitingRequests(): number {
    return this.waiting;
  }

  /** Requests per second that arrived over the last half second, or since they resumed after a quiet spell. */
  get arrivalRate(): number {
    return this.rateAt(performance.now());
  }

  private rateAt(now: number): number {
    this.advanceTo(Math.floor(now / RATE_SLOT_MS));
    const windowMs = (RATE_SLOTS - 1) * RATE_SLOT_MS + (now % RATE_SLOT_MS);
    const spanMs = Math.min(windowMs, Math.max(MIN_RATE_SPAN_MS, now - this.activeSince));
    return (this.arrivalsInWindow() / spanMs) * 1000;
  }

  /**
   * More than the threshold wait now, or did within the last `BURST_HOLD_MS`, and the pile-up
   * began with requests arriving at the burst rate or faster. Never with threshold 0.
   *
   * The rate recognises a burst, checked as each request of a pile-up arrives; once recognised,
   * the burst lasts until the pile-up is answered. Under closed-loop clients the rate is the
   * app's own answering rate, and that falls while the dispatcher runs at full concurrency beside
   * the ack path: with 20 more handler modules a 50-connection burst was seldom recognised, and
   * then lost again, and the dispatcher kept the loop (~750 answers/s, 0.37 × the app without
   * them; docs/PERFORMANCE.md, round 10). A pile-up that never reached the rate (a slow disk
   * under a steady load) is still no burst.
   */
  get inBurst(): boolean {
    if (this.threshold === 0 || (this.waiting <= this.threshold && performance.now() >= this.busyUntil)) return false;
    // Between arrivals the rate only falls, so the check as each one arrived (`enter`) is the last word.
    return this.recognised || this.minRate === 0;
  }

  /** Counts one request until the returned function is called (once; later calls do nothing). */
  enter(): () => void {
    const now = performance.now();
    const slot = Math.floor(now / RATE_SLOT_MS);
    this.advanceTo(slot);
    if (this.arrivalsInWindow() === 0) this.activeSince = now;
    this.arrivals[slot % RATE_SLOTS]! += 1;
    this.waiting++;
    if (this.threshold > 0 && this.waiting > this.threshold) {
      // A pile-up after the last one ended is recognised afresh, at the full burst rate.
      if (now >= this.busyUntil && this.waiting === this.threshold + 1) this.recognised = false;
      this.busyUntil = now + BURST_HOLD_MS;
      // As requests arrive, not only when the dispatcher asks: by then the first wave may be
      // tens of milliseconds old, and its rate since it began below the mark.
      if (!this.recognised && this.minRate > 0) this.recognised = this.rateAt(now) >= this.minRate;
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.waiting--;
    };
  }

  private arrivalsInWindow(): number {
    return this.arrivals.reduce((sum, count) => sum + count, 0);
  }

  /** Empties the slots between the newest one counted and `slot`, which becomes the newest. */
  private advanceTo(slot: number): void {
    if (slot <= this.newestSlot) return;
    for (let s = Math.max(this.newestSlot + 1, slot - RATE_SLOTS + 1); s <= slot; s++) this.arrivals[s % RATE_SLOTS] = 0;
    this.newestSlot = slot;
  }
}
