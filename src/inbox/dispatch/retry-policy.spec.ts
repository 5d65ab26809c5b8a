import { RetryPolicy } from './retry-policy.js';

describe('RetryPolicy', () => {
  const options = { maxAttempts: 8, backoffBaseMs: 1000, backoffMaxMs: 60_000 };

  it('doubles the delay after each failed attempt, between half and all of it', () => {
    const low = new RetryPolicy(options, () => 0);
    const high = new RetryPolicy(options, () => 1);
    expect([1, 2, 3, 4].map((n) => low.delayAfter(n))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => high.delayAfter(n))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits longer than the maximum', () => {
    expect(new RetryPolicy(options, () => 1).delayAfter(30)).toBe(60_000);
  });

  it('spreads retries with jitter', () => {
    const policy = new RetryPolicy(options);
    const delays = new Set(Array.from({ length: 20 }, () => policy.delayAfter(3)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(2000);
  });

  it('is exhausted only at the last allowed attempt', () => {
    const policy = new RetryPolicy(options);
    expect(policy.exhausted(7)).toBe(false);
    expect(policy.exhausted(8)).toBe(true);
  });
});
