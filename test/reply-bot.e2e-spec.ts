import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DEFAULT_REPLY_COMMANDS } from '../src/config/index.js';
import { AppDatabase } from '../src/database/index.js';
import { InboxReplayService } from '../src/inbox/index.js';
import { CHAT, chatMessage } from './support/chat-events.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './support/databases.js';
import { basicAuth, FakeHttpServer, gatewaySuccess } from './support/fake-http-server.js';
import { settled } from './support/feature-app.js';
import { eventually, postSigned, startApp } from './support/test-app.js';

describe.each(DATABASE_KINDS)('reply bot (%s)', (kind) => {
  let database: TestDatabase;
  let gateway: FakeHttpServer;
  let gatewayUrl: string;
  let app: INestApplication | undefined;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    gateway = new FakeHttpServer(gatewaySuccess);
    gatewayUrl = await gateway.start();
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await gateway.stop();
    await database.drop();
  });

  async function boot(env: Record<string, string> = {}): Promise<INestApplication> {
    app = await startApp({
      DATABASE_URL: database.url,
      REPLY_BOT_ENABLED: 'true',
      GOWA_BASE_URL: gatewayUrl,
      GOWA_BASIC_AUTH: 'bot:gateway-pass',
      DISPATCH_MAX_ATTEMPTS: '5',
      ...env,
    });
    return app;
  }

  /** Posts a message and waits until the inbox has finished with it. */
  async function deliver(body: object): Promise<string> {
    const answer = await postSigned(app!, body).expect(200);
    expect(await settled(app!, answer.body.id)).toBe('done');
    return answer.body.id;
  }

  it('answers a command case-insensitively in the same chat, quoting it, through the gateway', async () => {
    await boot();
    await deliver(chatMessage('CMD-1', '/HELP', { session: 'slot-1' }));

    expect(gateway.requests).toHaveLength(1);
    const [sent] = gateway.requests;
    expect(sent).toMatchObject({ method: 'POST', path: '/send/message' });
    expect(sent!.headers.authorization).toBe(basicAuth('bot', 'gateway-pass'));
    expect(sent!.headers['x-device-id']).toBe('slot-1');
    expect(sent!.body).toEqual({ phone: CHAT, message: DEFAULT_REPLY_COMMANDS['/help'], reply_message_id: 'CMD-1' });

    const metrics = await request(app!.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toContain('gowa_gateway_requests_total{endpoint="send_message",outcome="success"} 1');
  });

  it('uses the command table from REPLY_BOT_COMMANDS', async () => {
    await boot({ REPLY_BOT_COMMANDS: JSON.stringify({ '/Hours': 'Open 9 to 17' }) });
    await deliver(chatMessage('CMD-1', '/hours please'));
    await deliver(chatMessage('CMD-2', '/help'));
    expect(gateway.requests.map((r) => r.body)).toEqual([{ phone: CHAT, message: 'Open 9 to 17', reply_message_id: 'CMD-1' }]);
  });

  it('answers nothing to its own messages, unknown commands or plain text', async () => {
    await boot();
    await deliver(chatMessage('OWN-1', '/help', { fromMe: true }));
    await deliver(chatMessage('UNK-1', '/unknown'));
    await deliver(chatMessage('TXT-1', 'help me please'));
    expect(gateway.requests).toEqual([]);
  });

  it('answers a duplicated and a replayed message once', async () => {
    await boot();
    const id = await deliver(chatMessage('CMD-1', '/status'));
    const duplicate = await postSigned(app!, chatMessage('CMD-1', '/status')).expect(200);
    expect(duplicate.body.status).toBe('duplicate');

    // A replay that re-runs succeeded handlers reaches the bot again: it must still not answer twice.
    await app!.get(InboxReplayService).replay([id], { rerunSucceededHandlers: true });
    expect(await settled(app!, id)).toBe('done');
    expect(gateway.to('/send/message')).toHaveLength(1);
  });

  it('sends again after the gateway refused (HTTP 500), and only once it succeeded', async () => {
    gateway.respond = (req, n) => (n === 1 ? { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: 'boom' } } : gatewaySuccess(req, n));
    await boot();
    await deliver(chatMessage('CMD-1', '/info'));
    expect(gateway.to('/send/message')).toHaveLength(2);
    expect(gateway.requests[1]!.body).toEqual(gateway.requests[0]!.body);
  });

  it('keeps retrying while the gateway is down (connection refused) and answers once when it is back', async () => {
    const port = Number(new URL(gatewayUrl).port);
    await gateway.stop();
    await boot({ DISPATCH_MAX_ATTEMPTS: '50' });
    const answer = await postSigned(app!, chatMessage('CMD-1', '/help')).expect(200);
    const { db } = app!.get(AppDatabase);
    const attempts = async () =>
      (await db.selectFrom('inbox_events').select('attempts').where('delivery_id', '=', answer.body.id).executeTakeFirstOrThrow()).attempts;
    await eventually(async () => (await attempts()) >= 3, 20_000, 'failed attempts while the gateway is down');

    await gateway.start(port);
    expect(await settled(app!, answer.body.id)).toBe('done');
    expect(gateway.to('/send/message')).toHaveLength(1);
    const metrics = await request(app!.getHttpServer()).get('/metrics').expect(200);
    const unreachable = /gowa_gateway_requests_total\{endpoint="send_message",outcome="unreachable"\} (\d+)/.exec(metrics.text);
    expect(Number(unreachable?.[1])).toBeGreaterThanOrEqual(3);
  });

  it('does not resend when the send may have happened (gateway timed out) and the handler is retried', async () => {
    gateway.respond = (req, n) => (n === 1 ? 'hang' : gatewaySuccess(req, n));
    await boot({ GOWA_TIMEOUT_MS: '300' });
    const id = await deliver(chatMessage('CMD-1', '/info'));
    expect(gateway.to('/send/message')).toHaveLength(1);
    await app!.get(InboxReplayService).replay([id], { rerunSucceededHandlers: true });
    expect(await settled(app!, id)).toBe('done');
    expect(gateway.to('/send/message')).toHaveLength(1);
  });

  it('rate-limits answers per chat', async () => {
    await boot({ REPLY_BOT_RATE_LIMIT: '2', REPLY_BOT_RATE_WINDOW_SECONDS: '3600' });
    for (let n = 1; n <= 4; n++) await deliver(chatMessage(`A-${n}`, '/help'));
    await deliver(chatMessage('B-1', '/help', { chat: '628222@s.whatsapp.net' }));
    const replies = gateway.to('/send/message').map((r) => r.body as { phone: string; reply_message_id: string });
    expect(replies.map((r) => r.reply_message_id)).toEqual(['A-1', 'A-2', 'B-1']);
  });

  it('is off unless REPLY_BOT_ENABLED=true', async () => {
    await boot({ REPLY_BOT_ENABLED: 'false' });
    await deliver(chatMessage('CMD-1', '/help'));
    expect(gateway.requests).toEqual([]);
  });
});
