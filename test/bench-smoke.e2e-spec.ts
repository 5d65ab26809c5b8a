import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = process.cwd();

interface SmokeResult {
  readonly mode: string;
  readonly summary: {
    readonly errors: number;
    readonly receivers: Record<'node-http' | 'express' | 'app', { readonly eventsPerSecond50: { readonly median: number }; readonly stealPercent50: { readonly median: number } }>;
    readonly steady: {
      readonly stealPercent: number;
      readonly offered: number;
      readonly accepted: number;
      readonly unfinished: number;
      readonly endToEndMs: { readonly p99: number; readonly max: number };
      readonly slowest: { readonly endToEndMs: number; readonly attempts: number; readonly behindInChat: number };
      readonly rerun: number;
      readonly warmup: { readonly seconds: number; readonly endToEndMs: { readonly p99: number } };
    };
    readonly disk: readonly { readonly syncs: number; readonly syncMs: { readonly p50: number } }[];
    readonly commitsAt50: { readonly meanBatchJobs: { readonly median: number }; readonly walSyncP99Ms: { readonly median: number } };
  };
}

/**
 * The benchmark is a script, not a test; this smoke keeps it from rotting. It builds and runs
 * `npm run bench -- --smoke` (a few hundred events against each receiver, SQLite) and checks that
 * every delivery was answered 2xx and the result is complete.
 */
describe('npm run bench -- --smoke', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('drives all three receivers with zero errors and writes a parsable result', async () => {
    const out = join(dir, 'result.json');
    const { stdout } = await run('npm', ['run', '--silent', 'bench', '--', '--smoke', '--out', out], { cwd: ROOT, timeout: 110_000 });

    const result = JSON.parse(readFileSync(out, 'utf8')) as SmokeResult;
    expect(result.mode).toBe('smoke');
    expect(result.summary.errors).toBe(0);
    for (const kind of ['node-http', 'express', 'app'] as const) {
      expect(result.summary.receivers[kind].eventsPerSecond50.median).toBeGreaterThan(0);
      // Read from /proc/stat around each load, so a slow hour on the shared machine shows.
      const steal = result.summary.receivers[kind].stealPercent50.median;
      expect(steal).toBeGreaterThanOrEqual(0);
      expect(steal).toBeLessThanOrEqual(100);
    }
    expect(result.summary.steady.stealPercent).toBeGreaterThanOrEqual(0);
    expect(stdout).toMatch(/CPU steal %, 50 conns +\d/);
    // Sent open-loop at 100/s for 2 s: every one of the 200 was answered 2xx.
    expect(result.summary.steady.offered).toBe(200);
    expect(result.summary.steady.accepted).toBe(200);
    expect(result.summary.steady.unfinished).toBe(0);
    expect(Number.isFinite(result.summary.steady.endToEndMs.p99)).toBe(true);
    // What the slowest delivery waited for, read from its row: claimed once, as every delivery of a run without failures.
    expect(result.summary.steady.slowest.endToEndMs).toBe(result.summary.steady.endToEndMs.max);
    expect(result.summary.steady.slowest.attempts).toBe(1);
    expect(result.summary.steady.slowest.behindInChat).toBeGreaterThanOrEqual(0);
    expect(result.summary.steady.rerun).toBe(0);
    expect(stdout).toMatch(/the slowest delivery: [\d,]+ ms, 1 attempt\(s\), behind \d+ of its chat; 0 run more than once/);
    // A second at the same rate first, reported apart from the measured run.
    expect(result.summary.steady.warmup.seconds).toBe(1);
    expect(Number.isFinite(result.summary.steady.warmup.endToEndMs.p99)).toBe(true);
    expect(stdout).toContain('warm-up from a cold start');
    expect(stdout).toContain('app ÷ Express');
    // Read from the app's /metrics around its 50-connection load: every write was committed and synced.
    expect(result.summary.commitsAt50.meanBatchJobs.median).toBeGreaterThanOrEqual(1);
    expect(result.summary.commitsAt50.walSyncP99Ms.median).toBeGreaterThan(0);
    expect(stdout).toContain("the app's commits during its 50-connection load");
    // The disk probe ran before and after the loads.
    expect(result.summary.disk).toHaveLength(2);
    for (const probe of result.summary.disk) expect(probe.syncs).toBeGreaterThan(10);
    expect(stdout).toContain('disk before the loads');
  }, 120_000);
});
