import { join } from 'node:path';
import { type CommitTimings, commitTimingsBetween, scrapeCommitMetrics } from './commit-timings.js';
import { createBenchDatabase, type BenchDatabase } from './inbox-db.js';
import { runLoad, type LoadResult } from './load.js';
import type { BenchOptions } from './options.js';
import { signedEvents } from './payloads.js';
import { startTarget, type Target, type TargetKind } from './targets.js';

export interface BenchContext {
  readonly root: string;
  readonly workDir: string;
  readonly secret: string;
  readonly options: BenchOptions;
  readonly log: (line: string) => void;
}

/** One receiver's ingest figures in one run. */
export interface IngestRun {
  readonly at10: LoadResult;
  readonly at50: LoadResult;
  readonly peakRssMb: number;
  /** App only: deliveries acknowledged but not yet processed when the 50-connection load stopped, and how long until none was left. */
  readonly afterBurst?: { readonly backlog: number; readonly drainMs: number };
  /** App on SQLite only: its group commits during the 50-connection load (from its /metrics). */
  readonly commitsAt50?: CommitTimings;
}

const DRAIN_TIMEOUT_MS = 300_000;

const WARMUP_EVENTS = 300;

export async function withDatabase<T>(ctx: BenchContext, use: (db: BenchDatabase) => Promise<T>): Promise<T> {
  const db = await createBenchDatabase(ctx.options.db, join(ctx.workDir, 'tmp'), ctx.options.postgresUrl);
  try {
    return await use(db);
  } finally {
    await db.drop();
  }
}

export async function startApp(ctx: BenchContext, db: BenchDatabase, env: Record<string, string> = {}, noWait = false): Promise<Target> {
  return start(ctx, 'app', { DATABASE_URL: db.url, ...env }, noWait);
}

function start(ctx: BenchContext, kind: TargetKind, env: Record<string, string> = {}, noWait = false): Promise<Target> {
  return startTarget(kind, {
    root: ctx.root,
    secret: ctx.secret,
    logFile: join(ctx.workDir, `${kind}.log`),
    env,
    cpuProfDir: kind === 'app' && ctx.options.cpuProf ? join(ctx.workDir, 'profiles') : undefined,
    noWait,
  });
}

/**
 * Warm-up, then the ingest figure at 10 and at 50 connections, each over fresh distinct events.
 * With the app's database, each load starts on an empty backlog (the previous one worked off),
 * and the backlog the 50-connection burst left, and the time to work it off, are recorded.
 */
export async function measureIngest(ctx: BenchContext, target: Target, db?: BenchDatabase): Promise<IngestRun> {
  const { ingestEvents } = ctx.options;
  // The backlog at the last answer (read back from the rows: autocannon reports the end up to a
  // second late, while the dispatcher is already working it off), and the time until none is open.
  const drain = async (load: LoadResult) => {
    if (!db) return undefined;
    if (!(await waitForEmptyBacklog(db, DRAIN_TIMEOUT_MS))) throw new Error(`backlog not worked off in ${DRAIN_TIMEOUT_MS / 1000} s`);
    const drainedAt = Date.now();
    return { backlog: await db.openAt(load.lastAnswerEpochMs), drainMs: drainedAt - load.lastAnswerEpochMs };
  };
  await drain(await runLoad({ url: target.url, connections: 10, bodies: signedEvents(ctx.secret, WARMUP_EVENTS) }));
  const at10 = await runLoad({ url: target.url, connections: 10, bodies: signedEvents(ctx.secret, ingestEvents) });
  await drain(at10);
  const bodies50 = signedEvents(ctx.secret, ingestEvents);
  // Scraped outside the load, so reading them costs the measured window nothing.
  const metricsBefore = db ? await scrapeCommitMetrics(target.url) : undefined;
  const at50 = await runLoad({ url: target.url, connections: 50, bodies: bodies50 });
  const commitsAt50 = metricsBefore && commitTimingsBetween(metricsBefore, await scrapeCommitMetrics(target.url));
  const afterBurst = await drain(at50);
  return { at10, at50, peakRssMb: target.peakRssMb(), ...(afterBurst && { afterBurst }), ...(commitsAt50 && { commitsAt50 }) };
}

export async function ingestRun(ctx: BenchContext, kind: TargetKind, env: Record<string, string> = {}): Promise<IngestRun> {
  if (kind !== 'app') {
    const target = await start(ctx, kind);
    try {
      return await measureIngest(ctx, target);
    } finally {
      await target.stop();
    }
  }
  return withDatabase(ctx, async (db) => {
    const target = await startApp(ctx, db, env);
    try {
      return await measureIngest(ctx, target, db);
    } finally {
      await target.stop();
    }
  });
}

/** Waits until the inbox has no open delivery; returns false on timeout. */
export async function waitForEmptyBacklog(db: BenchDatabase, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await db.openCount()) === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
