import type { DeliveryResult } from './deliver.js';

export interface BurstSummary {
  readonly sent: number;
  readonly byStatus: Record<string, number>;
  readonly accepted: number;
  readonly duplicate: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly elapsedMs: number;
}

export function isSuccess(result: DeliveryResult): boolean {
  return result.status >= 200 && result.status < 300;
}

export function answerStatus(answer: unknown): string | undefined {
  if (answer !== null && typeof answer === 'object' && typeof (answer as { status?: unknown }).status === 'string') {
    return (answer as { status: string }).status;
  }
  return undefined;
}

export function summarise(results: readonly DeliveryResult[], elapsedMs: number): BurstSummary {
  const byStatus: Record<string, number> = {};
  let accepted = 0;
  let duplicate = 0;
  for (const result of results) {
    const key = result.status === 0 ? 'error' : String(result.status);
    byStatus[key] = (byStatus[key] ?? 0) + 1;
    const status = answerStatus(result.answer);
    if (status === 'accepted') accepted++;
    else if (status === 'duplicate') duplicate++;
  }
  const latencies = results.map((r) => r.latencyMs).sort((a, b) => a - b);
  return {
    sent: results.length,
    byStatus,
    accepted,
    duplicate,
    latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0 },
    elapsedMs,
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function formatSummary(summary: BurstSummary, errors: readonly string[]): string {
  const ms = (value: number) => value.toFixed(1);
  const statuses = Object.entries(summary.byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status}=${count}`)
    .join(' ');
  const lines = [
    `sent: ${summary.sent} in ${ms(summary.elapsedMs)} ms`,
    `status: ${statuses}`,
    `accepted: ${summary.accepted}`,
    `duplicate: ${summary.duplicate}`,
    `latency ms: p50=${ms(summary.latencyMs.p50)} p99=${ms(summary.latencyMs.p99)} max=${ms(summary.latencyMs.max)}`,
  ];
  const distinct = [...new Set(errors)];
  if (distinct.length > 0) lines.push(`errors: ${distinct.slice(0, 5).join('; ')}`);
  return lines.join('\n');
}
