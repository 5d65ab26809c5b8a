/** Value at quantile q (0..1) of the samples, nearest-rank. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** The p50 and p99 of the samples (NaN with none), and the largest (0 with none). */
export function percentiles(samples: readonly number[]): Percentiles {
  // A loop, not Math.max(...samples): a 60,000-event run would pass that many arguments.
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99), max: samples.reduce((a, b) => Math.max(a, b), 0) };
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

/** A figure over several runs: its median, and the spread (max − min) / median as the noise. */
export interface Figure {
  readonly median: number;
  readonly noisePct: number;
  readonly runs: readonly number[];
}

export function figure(runs: readonly number[]): Figure {
  const finite = runs.filter(Number.isFinite);
  const mid = median(finite);
  const spread = finite.length > 1 ? Math.max(...finite) - Math.min(...finite) : 0;
  return { median: mid, noisePct: mid ? (100 * spread) / mid : 0, runs };
}
