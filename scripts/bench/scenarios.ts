import { join } from 'node:path';
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
}

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

/** Warm-up, then the ingest figure at 10 and at 50 connections, each over fresh distinct events. */
export async function measureIngest(ctx: BenchContext, target: Target): Promise<IngestRun> {
  const { ingestEvents } = ctx.options;
  await runLoad({ url: target.url, connections: 10, bodies: signedEvents(ctx.secret, WARMUP_EVENTS) });
  const at10 = await runLoad({ url: target.url, connections: 10, bodies: signedEvents(ctx.secret, ingestEvents) });
  const at50 = await runLoad({ url: target.url, connections: 50, bodies: signedEvents(ctx.secret, ingestEvents) });
  return { at10, at50, peakRssMb: target.peakRssMb() };
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
      return await measureIngest(ctx, target);
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
