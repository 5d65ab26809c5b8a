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
 * Tells the dispatcher when webhook requests are arriving faster than they are answered. The
 * dispatcher shares the event loop with the ack path and yields to it during a burst
 * (`DISPATCH_BURST_THRESHOLD`): an acknowledgment is what the gateway waits for (and retries
 * without), while a committed delivery can wait in the inbox until the burst has passed.
 */
@Injectable()
export class IntakePressure {
  private waiting = 0;
  private busyUntil = 0;
  private readonly threshold: number;

  constructor(@Inject(inboxConfig.KEY) config: ConfigType<typeof inboxConfig>) {
    this.threshold = config.dispatch.burstThreshold;
  }

  get waitingRequests(): number {
    return this.waiting;
  }

  /** More than the threshold wait now, or did within the last `BURST_HOLD_MS`. Never with threshold 0. */
  get inBurst(): boolean {
    return this.threshold > 0 && (this.waiting > this.threshold || performance.now() < this.busyUntil);
  }

  /** Counts one request until the returned function is called (once; later calls do nothing). */
  enter(): () => void {
    this.waiting++;
    if (this.threshold > 0 && this.waiting > this.threshold) this.busyUntil = performance.now() + BURST_HOLD_MS;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.waiting--;
    };
  }
}
