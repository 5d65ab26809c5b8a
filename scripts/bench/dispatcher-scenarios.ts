import { readCpuTimes, stealPercent } from './cpu-steal.js';
import type { BenchDatabase, Timing } from './inbox-db.js';
import { runLoad } from './load.js';
import { runPacedLoad } from './paced-load.js';
import { signedEvents } from './payloads.js';
import { type BenchContext, startApp, waitForEmptyBacklog, withDatabase } from './scenarios.js';
import { type Percentiles, percentiles } from './stats.js';

export interface DrainResult {
  readonly events: number;
  readonly eventsPerSecond: number;
}

/**
 * Dispatcher throughput alone: queue events with the dispatcher off, restart with it on, and time
 * the backlog from the first look until it is empty.
 */
export async function measureDrain(ctx: BenchContext): Promise<DrainResult> {
  const { drainEvents } = ctx.options;
  return withDatabase(ctx, async (db) => {
    const filler = await startApp(ctx, db, { DISPATCHER_ENABLED: 'false' });
    try {
      const load = await runLoad({ url: filler.url, connections: 50, bodies: signedEvents(ctx.secret, drainEvents) });
      if (load.errors + load.non2xx > 0) throw new Error('filling the backlog failed');
    } finally {
      await filler.stop();
    }
    const queued = await db.openCount();
    // Not waiting for HTTP: the clock starts when the dispatcher takes the first delivery.
    const app = await startApp(ctx, db, {}, true);
    try {
      let open = queued;
      while (open === queued) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        open = await db.openCount();
      }
      const startedAt = performance.now();
      if (!(await waitForEmptyBacklog(db, 120_000))) throw new Error(`the backlog did not drain within 2 minutes (${await db.openCount()} of ${open} left)`);
      const seconds = (performance.now() - startedAt) / 1000;
      return { events: open, eventsPerSecond: open / seconds };
    } finally {
      await app.stop();
    }
  });
}

export interface SteadyResult {
  readonly rate: number;
  readonly seconds: number;
  /** Events sent on schedule (rate × seconds), and how many were answered 2xx. */
  readonly offered: number;
  readonly accepted: number;
  /** Failed and non-2xx requests of the warm-up and the measured run together (both must be 0). */
  readonly errors: number;
  readonly non2xx: number;
  /** From each event's due time to its 2xx. */
  readonly ackP99Ms: number;
  /** The most connections the driver had open at once, and how late its timer sent the latest event. */
  readonly peakConnections: number;
  readonly maxSendLagMs: number;
  /** Deliveries received and not yet finished, at the worst moment and as the load stopped. */
  readonly maxBacklog: number;
  readonly backlogAtLoadEnd: number;
  /** From the 2xx to the delivery's `finished_at` (all its handlers done and recorded). */
  readonly endToEndMs: Percentiles;
  /** What the slowest delivery waited for: its attempts, and the earlier deliveries of its chat still open when it came. */
  readonly slowest?: SlowestDelivery;
  /** Deliveries the dispatcher claimed more than once (a failed run retried, or a lease that ran out). */
  readonly rerun: number;
  readonly unfinished: number;
  /** The warm-up before the measured run, from the app's cold start (`steadyWarmupSeconds`). */
  readonly warmup?: { readonly seconds: number; readonly endToEndMs: Percentiles; readonly ackP99Ms: number; readonly errors: number; readonly non2xx: number };
  readonly peakRssMb: number;
  /** SQLite's WAL file at its largest during the load (0 on PostgreSQL). */
  readonly peakWalMb: number;
  /** The machine's CPU time given to other guests during the measured run, in % (`stealPercent`). */
  readonly stealPercent: number;
}

/**
 * A steady rate for a while, sent open-loop as the gateway sends (`runPacedLoad`), after a warm-up
 * at the same rate from the app's cold start: the ack time of every accepted delivery is recorded
 * by the load driver; when each was received and finished is read from the inbox rows afterwards,
 * which also gives the backlog at every moment (polling it from outside missed most of it).
 */
export async function measureSteady(ctx: BenchContext, extraEnv: Record<string, string> = {}): Promise<SteadyResult> {
  const { steadyRate: rate, steadySeconds: seconds, steadyWarmupSeconds: warmupSeconds } = ctx.options;
  return withDatabase(ctx, async (db) => {
    const app = await startApp(ctx, db, extraEnv);
    let walSampler: NodeJS.Timeout | undefined;
    try {
      let warmup: SteadyResult['warmup'];
      if (warmupSeconds > 0) {
        const cold = await sendPaced(ctx, app.url, rate, warmupSeconds);
        await waitForEmptyBacklog(db, 120_000);
        const { endToEndMs } = await endToEnd(db, cold.acked);
        const { errors, non2xx, latencyMs } = cold.load;
        warmup = { seconds: warmupSeconds, endToEndMs, ackP99Ms: latencyMs.p99, errors, non2xx };
      }
      // The WAL file's size, sampled while the load runs: it must not grow with everything written.
      let peakWalBytes = db.walBytes();
      walSampler = setInterval(() => (peakWalBytes = Math.max(peakWalBytes, db.walBytes())), 250);
      const cpuBefore = readCpuTimes();
      const { load, acked } = await sendPaced(ctx, app.url, rate, seconds);
      const steal = stealPercent(cpuBefore, readCpuTimes());
      const loadEndedAt = Date.now();
      clearInterval(walSampler);
      await waitForEmptyBacklog(db, 120_000);
      const { endToEndMs, finished, slowest } = await endToEnd(db, acked);
      const backlog = openOverTime([...finished.values()], loadEndedAt);
      return {
        rate,
        seconds,
        offered: load.offered,
        accepted: load.ok,
        errors: load.errors + (warmup?.errors ?? 0),
        non2xx: load.non2xx + (warmup?.non2xx ?? 0),
        ackP99Ms: load.latencyMs.p99,
        peakConnections: load.peakConnections,
        maxSendLagMs: load.maxSendLagMs,
        maxBacklog: backlog.max,
        backlogAtLoadEnd: backlog.atEnd,
        endToEndMs,
        ...(slowest && { slowest }),
        rerun: [...finished.values()].filter((t) => t.attempts > 1).length,
        unfinished: acked.size - finished.size,
        warmup,
        peakRssMb: app.peakRssMb(),
        peakWalMb: peakWalBytes / 1024 / 1024,
        stealPercent: steal,
      };
    } finally {
      clearInterval(walSampler);
      await app.stop();
    }
  });
}

/** `rate` × `seconds` new events, open loop; each accepted delivery's id with the wall-clock time of its 2xx. */
async function sendPaced(ctx: BenchContext, url: string, rate: number, seconds: number) {
  const acked = new Map<string, number>();
  const load = await runPacedLoad({
    url,
    ratePerSecond: rate,
    durationS: seconds,
    // Room for answers slower than 250 ms at 1,000/s; a need for more shows as waiting, in the ack p99.
    maxConnections: 256,
    bodies: signedEvents(ctx.secret, Math.ceil(rate * seconds)),
    onAccepted: (id, at) => acked.set(id, at),
  });
  return { load, acked };
}

export interface SlowestDelivery {
  readonly endToEndMs: number;
  readonly attempts: number;
  /** Deliveries of its chat received before it and not finished when it was received: it ran after them. */
  readonly behindInChat: number;
}

/** From each 2xx to its delivery's `finished_at`, and what the slowest one waited for. */
async function endToEnd(db: BenchDatabase, acked: ReadonlyMap<string, number>) {
  const finished = await db.finishedAt([...acked.keys()]);
  // The dispatcher may finish before the 2xx reaches the client: that counts as 0, not negative.
  const latencies = [...finished].map(([id, t]) => ({ t, ms: Math.max(0, t.finishedAt - (acked.get(id) ?? t.finishedAt)) }));
  const worst = latencies.reduce<(typeof latencies)[number] | undefined>((a, b) => (a === undefined || b.ms > a.ms ? b : a), undefined);
  const slowest: SlowestDelivery | undefined = worst && {
    endToEndMs: worst.ms,
    attempts: worst.t.attempts,
    behindInChat: [...finished.values()].filter((t) => t.chatKey === worst.t.chatKey && t.receivedAt < worst.t.receivedAt && t.finishedAt > worst.t.receivedAt).length,
  };
  return { endToEndMs: percentiles(latencies.map((l) => l.ms)), finished, slowest };
}

/** Sweeps receive (+1) and finish (−1) times: the most deliveries open at once, and how many at `end`. */
function openOverTime(timings: readonly Timing[], end: number): { max: number; atEnd: number } {
  const steps = timings.flatMap((t) => [[t.receivedAt, 1], [t.finishedAt, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let max = 0;
  for (const [, step] of steps) max = Math.max(max, (open += step));
  const atEnd = timings.filter((t) => t.receivedAt <= end && t.finishedAt > end).length;
  return { max, atEnd };
}
