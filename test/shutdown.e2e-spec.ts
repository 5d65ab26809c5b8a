import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { signBody } from '../src/webhook/index.js';
import { compiledTestFile } from './support/compiled-app.js';
import { textMessage } from './support/events.js';
import { freePort } from './support/free-port.js';
import { gatewayJson } from './support/gateway-json.js';
import { eventually, TEST_SECRET, waitUntilReady } from './support/test-app.js';

const DRAIN_DELAY_MS = 1500;
const SHUTDOWN_TIMEOUT_MS = 4000;
const HANDLER_MS = 2500;

/**
 * SIGTERM as the kubelet sends it, with a webhook request and a handler in flight: readiness
 * goes down first, the listener stays open for the drain delay, the request in flight is
 * answered, the handler finishes, and the process exits within delay + timeout.
 */
describe('SIGTERM graceful shutdown', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'shutdown-test-'));
  let child: ChildProcess | undefined;
  let port: number;
  let appFile: string;
  const base = () => `http://127.0.0.1:${port}`;

  async function startChild(handlerMs = HANDLER_MS): Promise<ChildProcess> {
    const started = spawn(process.execPath, [appFile], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        NODE_OPTIONS: '',
        PORT: String(port),
        WHATSAPP_WEBHOOK_SECRET: TEST_SECRET,
        DATABASE_URL: `sqlite:${join(workDir, 'webhooks.db')}`,
        SHUTDOWN_EFFECTS_DIR: workDir,
        SLOW_HANDLER_MS: String(handlerMs),
        SHUTDOWN_DRAIN_DELAY_MS: String(DRAIN_DELAY_MS),
        SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
        DISPATCH_POLL_INTERVAL_MS: '20',
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child = started;
    await waitUntilReady(base(), 30_000);
    return started;
  }

  const exited = (process: ChildProcess) =>
    new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      if (process.exitCode !== null || process.signalCode !== null) resolve({ code: process.exitCode, signal: process.signalCode });
      else process.once('exit', (code, signal) => resolve({ code, signal }));
    });

  /** Opens a POST /webhook and sends all but the last bytes of its body: a request in flight. */
  function beginRequest(raw: string): { socket: Socket; finish: () => Promise<string> } {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const cut = raw.length - 10;
    socket.write(
      `POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `X-Hub-Signature-256: ${signBody(raw, TEST_SECRET)}\r\nContent-Length: ${Buffer.byteLength(raw)}\r\nConnection: close\r\n\r\n` +
        raw.slice(0, cut),
    );
    return {
      socket,
      finish: async () => {
        socket.write(raw.slice(cut));
        await closed;
        return answer;
      },
    };
  }

  beforeAll(async () => {
    appFile = compiledTestFile('test/shutdown/shutdown-app.ts');
    port = await freePort();
  }, 120_000);

  afterEach(async () => {
    if (!child) return;
    const gone = exited(child);
    child.kill('SIGKILL');
    await gone;
    child = undefined;
  });

  afterAll(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  it('drains: readiness down, request in flight answered, handler finished, exit in time, nothing lost', async () => {
    const app = await startChild();
    const first = textMessage(1, 'drain-a@s.whatsapp.net');
    const second = textMessage(2, 'drain-b@s.whatsapp.net');
    const firstRaw = gatewayJson(first);
    const accepted = await fetch(`${base()}/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signBody(firstRaw, TEST_SECRET) },
      body: firstRaw,
    });
    expect(accepted.status).toBe(200);
    await eventually(() => existsSync(join(workDir, `started-${first.payload.id}`)), 20_000, 'the slow handler to start');

    const inFlight = beginRequest(gatewayJson(second));
    await sleep(100);
    const signalledAt = Date.now();
    app.kill('SIGTERM');

    // Readiness is down while the listener still answers (the drain delay).
    await eventually(async () => (await fetch(`${base()}/health/ready`)).status === 503, DRAIN_DELAY_MS, 'readiness to go down');
    expect((await fetch(`${base()}/health/live`)).status).toBe(200);

    // The body finishes arriving after the listener closed: the request is still answered.
    await sleep(DRAIN_DELAY_MS + 300 - (Date.now() - signalledAt));
    await expect(fetch(`${base()}/health/live`)).rejects.toThrow();
    const answer = await inFlight.finish();
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('"status":"accepted"');

    const { code, signal } = await exited(app);
    const tookMs = Date.now() - signalledAt;
    // Nest re-raises the signal after its hooks ran; either way the exit was not forced.
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(tookMs).toBeLessThan(DRAIN_DELAY_MS + SHUTDOWN_TIMEOUT_MS + 1000);
    expect(existsSync(join(workDir, `finished-${first.payload.id}`))).toBe(true);

    // The request answered during the drain was committed: the next start processes it.
    await startChild();
    await eventually(() => existsSync(join(workDir, `finished-${second.payload.id}`)), 20_000, 'the event acknowledged during the drain to be processed');
    process.stdout.write(`shutdown test: exited ${tookMs} ms after SIGTERM (limit ${DRAIN_DELAY_MS + SHUTDOWN_TIMEOUT_MS} ms)\n`);
  }, 120_000);

  it('under load: keeps acknowledging during the drain, exits in time, and every acknowledged event is processed', async () => {
    const app = await startChild(20);
    const acknowledged = new Set<string>();
    let refused = 0;
    let signalledAt = 0;
    let next = 0;
    const sender = async () => {
      // Until the listener is gone: connection refused (or reset) means the drain is over.
      while (refused === 0 && next < 5000) {
        const body = textMessage(next++, `load-${next % 8}@s.whatsapp.net`);
        const raw = gatewayJson(body);
        try {
          const response = await fetch(`${base()}/webhook`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signBody(raw, TEST_SECRET) },
            body: raw,
          });
          if (response.status === 200) acknowledged.add(body.payload.id);
          else expect([503]).toContain(response.status);
        } catch {
          refused++;
        }
        if (acknowledged.size >= 100 && signalledAt === 0) {
          signalledAt = Date.now();
          app.kill('SIGTERM');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, sender));
    const afterSignal = [...acknowledged].length;
    const { code, signal } = await exited(app);
    const tookMs = Date.now() - signalledAt;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(tookMs).toBeLessThan(DRAIN_DELAY_MS + SHUTDOWN_TIMEOUT_MS + 1000);
    // The listener kept taking webhooks through the drain delay.
    expect(afterSignal).toBeGreaterThan(100);

    await startChild(20);
    const finished = () => acknowledged.size === [...acknowledged].filter((id) => existsSync(join(workDir, `finished-${id}`))).length;
    await eventually(finished, 30_000, 'every acknowledged event to be processed');
    process.stdout.write(`shutdown under load: ${acknowledged.size} acknowledged (about ${acknowledged.size - 100} during the drain), exited ${tookMs} ms after SIGTERM\n`);
  }, 120_000);
});
