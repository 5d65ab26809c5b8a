/**
 * Starts the compiled service (`dist/main.js`, from `npm run build`) as a child process on a free
 * port with a throwaway SQLite inbox, and reads its memory from /proc (Linux).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SECRET = 'reliability-secret-0123456789abcdef';

export interface ChildApp {
  readonly port: number;
  readonly url: string;
  /** Resident set size now, in MiB. */
  rssMiB(): number;
  /** Highest resident set size since the last `resetPeak()`, in MiB. */
  peakMiB(): number;
  resetPeak(): void;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : Number.NaN;
}

export async function startChildApp(env: Record<string, string> = {}): Promise<ChildApp> {
  const dir = mkdtempSync(join(tmpdir(), 'reliability-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [resolve('dist/main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      WHATSAPP_WEBHOOK_SECRET: SECRET,
      DATABASE_URL: `sqlite:${join(dir, 'webhooks.db')}`,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`${url}/health/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('the app did not become ready');
    await new Promise((done) => setTimeout(done, 100));
  }
  const pid = child.pid!;
  return {
    port,
    url,
    rssMiB: () => statusKiB(pid, 'VmRSS') / 1024,
    peakMiB: () => statusKiB(pid, 'VmHWM') / 1024,
    // Writing 5 to clear_refs resets the kernel's peak-RSS counter for the process.
    resetPeak: () => writeFileSync(`/proc/${pid}/clear_refs`, '5'),
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((done) => (child.exitCode !== null ? done(undefined) : child.once('exit', done)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function sign(body: string | Buffer): string {
  return `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
}

let serial = 0;
/** A distinct, valid gateway text message (current envelope). */
export function textMessage(chat = `chat-${serial % 50}@s.whatsapp.net`): string {
  serial += 1;
  return JSON.stringify({
    device_id: '628999@s.whatsapp.net',
    event: 'message',
    payload: {
      body: `load message ${serial}`,
      chat_id: chat,
      from: '628111@s.whatsapp.net',
      id: `LOAD-${process.pid}-${serial}`,
      is_from_me: false,
      timestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    },
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Least-squares slope of y over x. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}
