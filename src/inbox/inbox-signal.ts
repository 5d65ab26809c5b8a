import { Injectable } from '@nestjs/common';

/**
 * Wakes the dispatcher as soon as something is committed in this process, so delivery
 * latency is not bound to the poll interval. Other replicas find the work by polling.
 */
@Injectable()
export class InboxSignal {
  private waiters: Array<() => void> = [];

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves on the next `notify()` or after `timeoutMs`, whichever comes first. */
  wait(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const wake = () => done();
      this.waiters.push(wake);
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
