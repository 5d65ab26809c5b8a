import type { INestApplication } from '@nestjs/common';
import { participantsEvent } from './support/chat-events.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './support/databases.js';
import { FakeHttpServer, gatewaySuccess } from './support/fake-http-server.js';
import { settled } from './support/feature-app.js';
import { postSigned, startApp } from './support/test-app.js';

const GROUP = '120363402106000001@g.us';
const ALICE = '628101@s.whatsapp.net';
const BOB = '628102@s.whatsapp.net';

describe.each(DATABASE_KINDS)('group welcome (%s)', (kind) => {
  let database: TestDatabase;
  let gateway: FakeHttpServer;
  let app: INestApplication | undefined;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    gateway = new FakeHttpServer(gatewaySuccess);
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await gateway.stop();
    await database.drop();
  });

  async function boot(env: Record<string, string> = {}): Promise<void> {
    const gatewayUrl = await gateway.start();
    app = await startApp({ DATABASE_URL: database.url, GROUP_WELCOME_ENABLED: 'true', GOWA_BASE_URL: gatewayUrl, ...env });
  }

  async function deliver(body: object): Promise<void> {
    const answer = await postSigned(app!, body).expect(200);
    expect(await settled(app!, answer.body.id)).toBe('done');
  }

  it('welcomes each joining member once, in the group, mentioning them', async () => {
    await boot({ GROUP_WELCOME_TEMPLATE: 'Hi {mention}, welcome!' });
    await deliver(participantsEvent('join', GROUP, [ALICE, BOB, ALICE]));

    expect(gateway.requests.map((r) => [r.path, r.headers['x-device-id'], r.body])).toEqual([
      ['/send/message', '628999@s.whatsapp.net', { phone: GROUP, message: 'Hi @628101, welcome!', mentions: [ALICE] }],
      ['/send/message', '628999@s.whatsapp.net', { phone: GROUP, message: 'Hi @628102, welcome!', mentions: [BOB] }],
    ]);
  });

  it('sends nothing when members leave, are promoted or demoted, by default', async () => {
    await boot();
    await deliver(participantsEvent('leave', GROUP, [ALICE]));
    await deliver(participantsEvent('promote', GROUP, [BOB]));
    await deliver(participantsEvent('demote', GROUP, [BOB]));
    expect(gateway.requests).toEqual([]);
  });

  it('sends a configured notice for another action', async () => {
    await boot({ GROUP_LEAVE_TEMPLATE: 'Goodbye {mention}' });
    await deliver(participantsEvent('leave', GROUP, [ALICE]));
    expect(gateway.requests.map((r) => r.body)).toEqual([{ phone: GROUP, message: 'Goodbye @628101', mentions: [ALICE] }]);
  });

  it('after a failure on the second member, the retry welcomes only that member', async () => {
    gateway.respond = (req, n) => (n === 2 ? { status: 500, body: { code: 'INTERNAL_SERVER_ERROR' } } : gatewaySuccess(req, n));
    await boot();
    await deliver(participantsEvent('join', GROUP, [ALICE, BOB]));
    const mentioned = gateway.requests.map((r) => (r.body as { mentions: string[] }).mentions[0]);
    expect(mentioned).toEqual([ALICE, BOB, BOB]);
  });
});
