import { readFileSync } from 'node:fs';

/** The machine's CPU time so far, from /proc/stat, in clock ticks. */
export interface CpuTimes {
  readonly steal: number;
  readonly total: number;
}

/** Undefined where /proc/stat is missing (not Linux) or carries no steal column. */
export function readCpuTimes(): CpuTimes | undefined {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
    const ticks = fields.map(Number);
    // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
    if (ticks.length < 8 || !ticks.every(Number.isFinite)) return undefined;
    return { steal: ticks[7]!, total: ticks.slice(0, 8).reduce((sum, t) => sum + t, 0) };
  } catch {
    return undefined;
  }
}

/**
 * The share of the machine's CPU time (%) that its hypervisor gave to other guests between two
 * readings: on this shared VM it was 0-4 % in quiet hours and up to 30 % in busy ones, and the
 * same build's ack p99 then went from ~30 ms to over 100 (docs/PERFORMANCE.md, round 10). NaN
 * without readings.
 */
export function stealPercent(before: CpuTimes | undefined, after: CpuTimes | undefined): number {
  if (!before || !after || after.total <= before.total) return Number.NaN;
  return (100 * (after.steal - before.steal)) / (after.total - before.total);
}
