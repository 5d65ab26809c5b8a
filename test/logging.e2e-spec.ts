import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signBody } from '../src/webhook/index.js';
import { compiledTestFile } from './support/compiled-app.js';
import { loadFixture } from './support/fixtures.js';
import { freePort } from './support/free-port.js';
import { gatewayJson } from './support/gateway-json.js';
import { eventually, waitUntilReady } from './support/test-app.js';

const SECRET = 'log-test-webhook-secret-5f1e2d3c';
const ADMIN_TOKEN = 'log-test-admin-token-9a8b7c6d5e4f3a2b1c0d';
const TEXT = 'PRIVATE-TEXT-7e1f';
const CAPTION = 'PRIVATE-CAPTION-3c9a';
const EDIT = 'PRIVATE-EDIT-b52d';

/**
 * The production build as main.ts starts it: one JSON line per log entry, each request with its
 * id, the webhook's event name and inbox id, and never a secret, signature or message text.
 */
describe('structured logs', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'log-test-'));
  let mainFile: string;

  async function runApp(env: Record<string, string>, exercise: (base: string, output: () => string) => Promise<void>): Promise<string> {
    const port = await freePort();
    const child: ChildProcess = spawn(process.execPath, [mainFile], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        WHATSAPP_WEBHOOK_SECRET: SECRET,
        ADMIN_TOKEN,
        DATABASE_URL: `sqlite:${join(workDir, `${port}.db`)}`,
        DISPATCH_POLL_INTERVAL_MS: '20',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitUntilReady(base, 30_000);
      await exercise(base, () => output);
    } finally {
      const exit = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exit;
    }
    return output;
  }

  const post = (base: string, body: unknown, headers: Record<string, string> = {}) => {
    const raw = gatewayJson(body);
    return fetch(`${base}/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signBody(raw, SECRET), ...headers },
      body: raw,
    });
  };

  const withPayload = (prefix: string, changes: { id: string } & Record<string, unknown>) => {
    const fixture = loadFixture(prefix);
    return { ...fixture, event: fixture.event as string, payload: { ...(fixture.payload as Record<string, unknown>), ...changes } };
  };

  beforeAll(() => {
    mainFile = compiledTestFile('src/main.ts');
  }, 120_000);

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('writes JSON lines with request id, event and inbox id, and redacts secrets and message text', async () => {
    const text = withPayload('01-', { id: 'LOG-TEXT-1', body: TEXT });
    const image = withPayload('25-', { id: 'LOG-IMAGE-1', body: CAPTION, image: { path: 'statics/media/x.jpeg', caption: CAPTION } });
    const edit = withPayload('39-', { id: 'LOG-EDIT-1', body: EDIT });
    const signatures: string[] = [];
    const ids: string[] = [];

    const output = await runApp({ NODE_ENV: 'production', LOG_LEVEL: 'debug' }, async (base) => {
      for (const body of [text, image, edit]) {
        signatures.push(signBody(gatewayJson(body), SECRET));
        const response = await post(base, body, { 'X-Request-Id': `req-${body.payload.id}` });
        expect(response.status).toBe(200);
        expect(response.headers.get('x-request-id')).toBe(`req-${body.payload.id}`);
        ids.push(((await response.json()) as { id: string }).id);
      }
      const forged = await post(base, text, { 'X-Hub-Signature-256': `sha256=${'0'.repeat(64)}` });
      expect(forged.status).toBe(401);
      expect((await fetch(`${base}/admin/inbox`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).status).toBe(200);
      expect((await fetch(`${base}/admin/inbox`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}x` } })).status).toBe(401);
      // The handlers' debug lines are part of what must stay clean.
      await eventually(async () => {
        const listing = await fetch(`${base}/admin/inbox?status=done`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
        return ((await listing.json()) as { items: unknown[] }).items.length === 3;
      }, 20_000, 'the three events to be processed');
    });

    const lines = output.trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.every((entry) => typeof entry.level === 'number' && typeof entry.msg === 'string')).toBe(true);

    const webhookLogs = entries.filter((entry) => (entry.req as { url?: string } | undefined)?.url === '/webhook');
    for (const [index, body] of [text, image, edit].entries()) {
      const entry = webhookLogs.find((e) => (e.req as { id: string }).id === `req-${body.payload.id}`);
      expect(entry).toMatchObject({ event: body.event, inboxId: ids[index], outcome: 'accepted', res: { statusCode: 200 } });
      // The webhook's line carries no headers at all (so no signature); other routes' lines redact them.
      expect(entry!.req).toEqual({ id: `req-${body.payload.id}`, method: 'POST', url: '/webhook', remoteAddress: expect.any(String), remotePort: expect.any(Number) });
      expect(entry).toMatchObject({ msg: 'request completed', level: 30, responseTime: expect.any(Number) });
    }
    const refused = webhookLogs.find((e) => (e.res as { statusCode: number }).statusCode === 401);
    expect(refused).toMatchObject({ level: 40 });
    const adminLogs = entries.filter((entry) => (entry.req as { url?: string } | undefined)?.url?.startsWith('/admin'));
    // The two explicit calls (right and wrong token); the polling calls come on top, as many as it took.
    expect(adminLogs.filter((entry) => (entry.req as { url: string }).url === '/admin/inbox').map((entry) => (entry.res as { statusCode: number }).statusCode).sort()).toEqual([200, 401]);
    expect(adminLogs.length).toBeGreaterThanOrEqual(3);
    for (const entry of adminLogs) expect((entry.req as { headers: Record<string, string> }).headers.authorization).toBe('[REDACTED]');

    for (const secret of [SECRET, ADMIN_TOKEN, TEXT, CAPTION, EDIT, ...signatures, ...signatures.map((s) => s.slice(7))]) {
      expect(output).not.toContain(secret);
    }
  }, 120_000);

  it('prints human-readable lines in development', async () => {
    // pino-pretty writes from its own thread, so a line may show up a moment after the app answers.
    const output = await runApp({ NODE_ENV: 'development' }, async (_base, soFar) => {
      const deadline = Date.now() + 10_000;
      while (!soFar().includes('Listening on port') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    });
    const ready = output.split('\n').find((line) => line.includes('Listening on port'));
    expect(ready).toBeDefined();
    expect(() => JSON.parse(ready!)).toThrow();
  }, 120_000);
});
