export interface RetryPolicyOptions {
  readonly maxAttempts: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries
 * from many events spread out without ever retrying immediately.
 */
export class RetryPolicy {
  constructor(
    private readonly options: RetryPolicyOptions,
    private readonly random: () => number = Math.random,
  ) {}

  /** True when the attempt that just failed was the last one allowed. */
  exhausted(attempt: number): boolean {
    return attempt >= this.options.maxAttempts;
  }

  /** Delay before the attempt after `attempt` (1-based) failed. */
  delayAfter(attempt: number): number {
    const exponential = this.options.backoffBaseMs * 2 ** Math.max(0, attempt - 1);
    const capped = Math.min(this.options.backoffMaxMs, exponential);
    return Math.round(capped / 2 + (this.random() * capped) / 2);
  }
}
