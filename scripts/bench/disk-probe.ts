import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { type Percentiles, percentiles } from './stats.js';

export interface DiskProbe {
  readonly seconds: number;
  readonly syncs: number;
  readonly syncMs: Percentiles;
  /** Syncs slower than `STALL_MS`: how many, and the time they took together. */
  readonly stalls: number;
  readonly stalledSeconds: number;
}

const WRITE_BYTES = 16 * 1024;
const FILE_BYTES = 64 * 1024 * 1024;
const GAP_MS = 2;
export const STALL_MS = 20;
/** What the probe does, for the table. */
export const DISK_PROBE_PATTERN = `${WRITE_BYTES / 1024} KB + fdatasync every ${GAP_MS} ms`;

/**
 * What the disk under the bench's database does to durable answers: a WAL-like file (16 KB
 * appended, then fdatasync, every 2 ms, overwriting a 64 MB file as the WAL does), timed on this
 * process with nothing else running. A receiver that acknowledges only durable events waits for
 * such syncs, while the reference receivers store nothing: on a VM whose disk stalls for hundreds
 * of milliseconds, no figure of the app's tail can be better than these stalls.
 */
export async function probeDisk(dir: string, seconds: number): Promise<DiskProbe> {
  const path = join(dir, 'disk-probe.bin');
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(WRITE_BYTES, 7);
  const timings: number[] = [];
  try {
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) {
      writeSync(fd, block, 0, block.length, (timings.length * WRITE_BYTES) % FILE_BYTES);
      const started = performance.now();
      fdatasyncSync(fd);
      timings.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    }
  } finally {
    closeSync(fd);
    rmSync(path, { force: true });
  }
  const stalled = timings.filter((ms) => ms > STALL_MS);
  return {
    seconds,
    syncs: timings.length,
    syncMs: percentiles(timings),
    stalls: stalled.length,
    stalledSeconds: stalled.reduce((a, b) => a + b, 0) / 1000,
  };
}
