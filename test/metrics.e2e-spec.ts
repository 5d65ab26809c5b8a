import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { signBody } from '../src/webhook/index.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { textMessage } from './support/events.js';
import { loadFixture } from './support/fixtures.js';
import { gatewayJson } from './support/gateway-json.js';
import { RecordingHandler } from './support/recording.handler.js';
import { eventually, postSigned, startApp, TEST_SECRET } from './support/test-app.js';

/** Message text that must never reach a label. */
const PRIVATE_TEXT = 'private-words-in-a-message';

type Labels = Record<string, string>;

/** Parses `name{a="x",b="y"} value` lines of the Prometheus text format. */
function samples(scrape: string): Array<{ name: string; labels: Labels; value: number }> {
  return scrape
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`Unparsable metrics line: ${line}`);
      const labels: Labels = {};
      for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!;
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

/** The value of the one sample with exactly these labels, or undefined. */
function valueOf(scrape: string, name: string, labels: Labels = {}): number | undefined {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  return samples(scrape).find((s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === wanted)?.value;
}

describe('GET /metrics (SQLite)', () => {
  let app: INestApplication;
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
    app = await startApp({ DATABASE_URL: database.url, DISPATCH_MAX_ATTEMPTS: '2' });
  });

  afterEach(async () => {
    await app.close();
    await database.drop();
  });

  const scrape = async () => (await request(app.getHttpServer()).get('/metrics').expect(200)).text;

  it('serves the Prometheus text format with process metrics', async () => {
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(valueOf(response.text, 'process_cpu_user_seconds_total')).toEqual(expect.any(Number));
    expect(valueOf(response.text, 'whatsapp_inbox_backlog')).toBe(0);
    expect(valueOf(response.text, 'whatsapp_webhooks_rejected_total', { reason: 'SIGNATURE_MISMATCH' })).toBe(0);
  });

  it('counts intake, refusals, handler runs, dispatch results and the backlog exactly', async () => {
    const message = (n: number) => {
      const body = textMessage(n, `62811${n}@s.whatsapp.net`);
      return { ...body, payload: { ...body.payload, body: `${PRIVATE_TEXT} ${n}` } };
    };
    // Message 3 always fails in RecordingHandler: attempt 1 is retried, attempt 2 (the last) dead-letters it.
    app.get(RecordingHandler).behaviour = (event) => {
      if ((event as { text?: string }).text === `${PRIVATE_TEXT} 3`) throw new Error(`CRM refused ${PRIVATE_TEXT}`);
    };

    for (const n of [1, 2, 3]) expect((await postSigned(app, message(n)).expect(200)).body.status).toBe('accepted');
    expect((await postSigned(app, message(1)).expect(200)).body.status).toBe('duplicate');
    await postSigned(app, loadFixture('04-')).expect(200);
    await postSigned(app, { event: `poll.vote.${PRIVATE_TEXT}`, device_id: 'd@s.whatsapp.net', payload: {} }).expect(200);
    const raw = gatewayJson(message(4));
    await postSigned(app, raw, 'a-wrong-secret-value-123').expect(401);
    await request(app.getHttpServer()).post('/webhook').set('Content-Type', 'application/json').send(raw).expect(401);
    await postSigned(app, '{"event": "message", ').expect(400);
    await request(app.getHttpServer()).get('/webhook').expect(405); // not a POST: not counted

    let text = '';
    await eventually(
      async () => {
        text = await scrape();
        return valueOf(text, 'whatsapp_dispatch_results_total', { result: 'dead' }) === 1 && valueOf(text, 'whatsapp_dispatch_results_total', { result: 'done' }) === 3;
      },
      10_000,
      'dispatch to settle',
    );

    const received = (event: string, outcome: string) => valueOf(text, 'whatsapp_webhooks_received_total', { event, outcome });
    expect(received('message', 'accepted')).toBe(3);
    expect(received('message', 'duplicate')).toBe(1);
    expect(received('message.ack', 'accepted')).toBe(1);
    expect(received('other', 'unrecognized')).toBe(1);
    expect(samples(text).filter((s) => s.name === 'whatsapp_webhooks_received_total')).toHaveLength(4);

    const rejected = (reason: string) => valueOf(text, 'whatsapp_webhooks_rejected_total', { reason });
    expect(rejected('SIGNATURE_MISMATCH')).toBe(1);
    expect(rejected('SIGNATURE_MISSING')).toBe(1);
    expect(rejected('INVALID_JSON')).toBe(1);
    for (const reason of ['SIGNATURE_MALFORMED', 'EMPTY_BODY', 'PAYLOAD_TOO_LARGE', 'INBOX_UNAVAILABLE']) expect(rejected(reason)).toBe(0);
    expect(valueOf(text, 'whatsapp_webhooks_rejected_total', { reason: 'other' })).toBeUndefined();

    // Six 2xx answers: three accepted messages, the duplicate, the receipt and the unrecognised event.
    expect(valueOf(text, 'whatsapp_webhook_ack_seconds_count')).toBe(6);
    expect(valueOf(text, 'whatsapp_webhook_ack_seconds_sum')).toBeGreaterThan(0);

    const runs = (handler: string, outcome: string) => valueOf(text, 'whatsapp_handler_runs_total', { handler, outcome });
    expect(runs('RecordingHandler.onMessage', 'succeeded')).toBe(2);
    expect(runs('RecordingHandler.onMessage', 'failed')).toBe(2);
    // Its retry skips the handler that already succeeded.
    expect(runs('SecondMessageHandler.onMessage', 'succeeded')).toBe(3);
    expect(runs('SecondMessageHandler.onMessage', 'failed')).toBeUndefined();
    expect(runs('RecordingHandler.onReceipt', 'succeeded')).toBe(1);
    expect(valueOf(text, 'whatsapp_handler_duration_seconds_count', { handler: 'RecordingHandler.onMessage' })).toBe(4);

    const dispatched = (result: string) => valueOf(text, 'whatsapp_dispatch_results_total', { result });
    expect([dispatched('done'), dispatched('retry'), dispatched('dead'), dispatched('unrecognized')]).toEqual([3, 1, 1, 0]);

    expect(valueOf(text, 'whatsapp_inbox_backlog')).toBe(0);
    expect(valueOf(text, 'whatsapp_inbox_oldest_pending_seconds')).toBe(0);
    expect(valueOf(text, 'whatsapp_inbox_dead_letters')).toBe(1);

    // No message text, claimed event name, secret or signature ever becomes a label.
    expect(text).not.toContain(PRIVATE_TEXT);
    expect(text).not.toContain('poll.vote');
    expect(text).not.toContain(TEST_SECRET);
    expect(text).not.toContain(signBody(raw, TEST_SECRET).slice(7));
  });

  it("times SQLite's group commits: each batch's size, its commit and the WAL sync its callers waited for", async () => {
    for (let i = 0; i < 3; i++) await postSigned(app, gatewayJson(textMessage(100 + i))).expect(200);
    await eventually(async () => valueOf(await scrape(), 'whatsapp_inbox_backlog') === 0, 5000, 'the backlog to drain');
    // The last settle is visible as soon as it commits; its WAL sync is reported a moment later.
    let text = '';
    const settled = async () => {
      text = await scrape();
      return valueOf(text, 'whatsapp_sqlite_wal_sync_seconds_count') === valueOf(text, 'whatsapp_sqlite_commit_seconds_count');
    };
    await eventually(settled, 5000, 'the last commit to be synced');
    const commits = valueOf(text, 'whatsapp_sqlite_commit_seconds_count')!;
    // Three webhooks one after another: three intake batches at least, plus the dispatcher's writes.
    expect(commits).toBeGreaterThanOrEqual(3);
    expect(valueOf(text, 'whatsapp_sqlite_commit_batch_jobs_count')).toBe(commits);
    expect(valueOf(text, 'whatsapp_sqlite_commit_batch_jobs_sum')).toBeGreaterThanOrEqual(3);
    // A file database: every batch waited for its WAL sync before anyone was answered.
    expect(valueOf(text, 'whatsapp_sqlite_wal_sync_seconds_count')).toBe(commits);
    expect(valueOf(text, 'whatsapp_sqlite_wal_sync_seconds_sum')).toBeGreaterThan(0);
    // A few kilobytes of WAL are never closed out.
    expect(valueOf(text, 'whatsapp_sqlite_wal_closeout_hold_seconds_count')).toBe(0);
  });

  it('labels every other refusal by its code, and nothing else counts as received', async () => {
    const raw = gatewayJson(textMessage(1));
    await postSigned(app, '').expect(400);
    await request(app.getHttpServer()).post('/webhook').set('X-Hub-Signature-256', 'sha256=not-hex').send(raw).expect(401);
    await postSigned(app, 'x'.repeat(1_100_000)).expect(413);

    const text = await scrape();
    const rejected = (reason: string) => valueOf(text, 'whatsapp_webhooks_rejected_total', { reason });
    expect([rejected('EMPTY_BODY'), rejected('SIGNATURE_MALFORMED'), rejected('PAYLOAD_TOO_LARGE')]).toEqual([1, 1, 1]);
    expect(samples(text).filter((s) => s.name === 'whatsapp_webhooks_received_total')).toHaveLength(0);
    expect(valueOf(text, 'whatsapp_webhook_ack_seconds_count')).toBe(0);
  });

  it('reports the pending backlog while dispatch is held up', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    app.get(RecordingHandler).behaviour = () => held;
    await postSigned(app, textMessage(1, '628001@s.whatsapp.net')).expect(200);
    await postSigned(app, textMessage(2, '628001@s.whatsapp.net')).expect(200);
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const text = await scrape();
      // Both are still pending: the first is running (leased), the second waits for it (one chat runs in order).
      expect(valueOf(text, 'whatsapp_inbox_backlog')).toBe(2);
      expect(valueOf(text, 'whatsapp_inbox_oldest_pending_seconds')).toBeGreaterThan(0);
      expect(valueOf(text, 'whatsapp_inbox_dead_letters')).toBe(0);
    } finally {
      release();
    }
    await eventually(async () => valueOf(await scrape(), 'whatsapp_inbox_backlog') === 0, 5000, 'the backlog to drain');
  });
});
