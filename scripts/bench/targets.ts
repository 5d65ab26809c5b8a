import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export type TargetKind = 'node-http' | 'express' | 'app';

/** A receiver running as its own process. */
export interface Target {
  readonly kind: TargetKind;
  readonly url: string;
  readonly pid: number;
  /** Peak resident set size so far, in MB (Linux VmHWM). */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export interface TargetOptions {
  readonly root: string;
  readonly secret: string;
  readonly logFile: string;
  /** App only: DATABASE_URL and any extra settings. */
  readonly env?: Record<string, string>;
  /** App only: write a V8 CPU profile into this folder on exit. */
  readonly cpuProfDir?: string;
  /** Return as soon as the process is spawned (a draining SQLite app may not answer HTTP for a while). */
  readonly noWait?: boolean;
}

const ENTRY: Record<TargetKind, string> = {
  'node-http': '.scripts-build/bench/reference-node-http.js',
  express: '.scripts-build/bench/reference-express.js',
  app: '.bench-build/scripts/bench/app/bench-main.js',
};

/** The runtime stage's `ENV NODE_OPTIONS` in the Dockerfile (test/dockerfile.e2e-spec.ts keeps them equal). */
export const PRODUCTION_NODE_OPTIONS = '--max-old-space-size=256';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startTarget(kind: TargetKind, options: TargetOptions): Promise<Target> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    SECRET: options.secret,
    NODE_ENV: 'production',
    WHATSAPP_WEBHOOK_SECRET: options.secret,
    // The app runs as the Dockerfile runs it, heap cap included.
    ...(kind === 'app' ? { NODE_OPTIONS: PRODUCTION_NODE_OPTIONS } : {}),
    // For experiments only (e.g. '{"DISPATCHER_ENABLED":"false"}'): the recorded results use none.
    ...(kind === 'app' && process.env.BENCH_APP_ENV ? (JSON.parse(process.env.BENCH_APP_ENV) as Record<string, string>) : {}),
    ...options.env,
  };
  const args = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  // The target writes its log straight into the file, as a container's log goes to a runtime
  // outside it: piped through this process, the app's request log (one line per event) cost the
  // load generator ~40 µs per request on its own event loop, which times every answer.
  const log = openSync(options.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [...args, join(options.root, ENTRY[kind])], { cwd: options.root, env, stdio: ['ignore', log, log] });
  } finally {
    // The child holds its own copy of the descriptor.
    closeSync(log);
  }
  const url = `http://127.0.0.1:${port}`;
  if (!options.noWait) await waitUntilAnswering(url, child);
  return {
    kind,
    url,
    pid: child.pid ?? 0,
    peakRssMb: () => peakRssMb(child.pid ?? 0),
    stop: () => stop(child),
  };
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`target exited with code ${child.exitCode} before answering (see the log)`);
    try {
      await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('target did not answer within 60 s');
}

function peakRssMb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}
