import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signBody } from '../src/webhook/index.js';
import { compiledTestFile } from './support/compiled-app.js';
import { textMessage } from './support/events.js';
import { freePort } from './support/free-port.js';
import { gatewayJson } from './support/gateway-json.js';
import { eventually, TEST_SECRET, waitUntilReady } from './support/test-app.js';

/**
 * A child process running the real app receives a stream of signed events and is killed with
 * SIGKILL mid-stream. After a restart, every event that got a 2xx must be processed, and each
 * exactly once (its handler effect is written once, keyed by message id).
 */
describe('SIGKILL mid-stream', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'crash-test-'));
  let child: ChildProcess | undefined;
  let port: number;
  let appFile: string;

  const env = () => ({
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    WHATSAPP_WEBHOOK_SECRET: TEST_SECRET,
    DATABASE_URL: `sqlite:${join(workDir, 'webhooks.db')}`,
    CRASH_EFFECTS_DIR: workDir,
    DISPATCH_POLL_INTERVAL_MS: '20',
    NODE_OPTIONS: '',
  });

  async function startChild(): Promise<void> {
    child = spawn(process.execPath, [appFile], { env: env(), stdio: ['ignore', 'ignore', 'inherit'] });
    await waitUntilReady(`http://127.0.0.1:${port}`, 20_000);
  }

  async function post(n: number): Promise<string | undefined> {
    const raw = gatewayJson(textMessage(n, `chat-${n % 5}@s.whatsapp.net`));
    try {
      const response = await fetch(`http://127.0.0.1:${port}/webhook`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signBody(raw, TEST_SECRET) },
        body: raw,
      });
      return response.status === 200 ? `MSG-chat-${n % 5}@s.whatsapp.net-${n}` : undefined;
    } catch {
      return undefined; // connection reset by the kill: not acknowledged
    }
  }

  beforeAll(async () => {
    appFile = compiledTestFile('test/crash/crash-app.ts');
    port = await freePort();
  }, 120_000);

  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
  });

  it('processes every acknowledged event exactly once after a restart', async () => {
    await startChild();
    const acknowledged = new Set<string>();
    const total = 400;
    let next = 0;
    let killed = false;
    const sender = async () => {
      while (next < total && !killed) {
        const id = await post(next++);
        if (id) acknowledged.add(id);
        if (acknowledged.size >= 150 && !killed) {
          killed = true;
          child!.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, sender));
    expect(killed).toBe(true);
    if (child!.exitCode === null && child!.signalCode === null) await new Promise((resolve) => child!.once('exit', resolve));

    await startChild();
    const effects = () => readdirSync(workDir).filter((f) => f.startsWith('effect-')).map((f) => f.slice('effect-'.length));
    await eventually(() => [...acknowledged].every((id) => effects().includes(id)), 30_000, 'every acknowledged event to be processed');

    const invocations = readFileSync(join(workDir, 'invocations.log'), 'utf8').trim().split('\n');
    const perMessage = new Map<string, number>();
    for (const id of invocations) perMessage.set(id, (perMessage.get(id) ?? 0) + 1);
    // Nothing acknowledged is lost.
    expect([...acknowledged].filter((id) => !effects().includes(id))).toEqual([]);
    // Only events that were in flight at the kill may have had their handler started twice
    // (at most the dispatcher's concurrency); their effect is still written once.
    const rerun = [...perMessage.values()].filter((count) => count > 1).length;
    expect(rerun).toBeLessThanOrEqual(16);
    expect(new Set(effects()).size).toBe(effects().length);
    process.stdout.write(`crash test: ${acknowledged.size} acknowledged, ${effects().length} processed, ${rerun} handler re-run(s) after the kill\n`);
  }, 120_000);
});
