import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { InboxRepository } from '../src/inbox/index.js';
import { ADMIN_TEST_TOKEN, startAdminApp } from './support/admin-app.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './support/databases.js';
import { textMessage } from './support/events.js';
import { fixtureIn, LOG_CHAT, LOG_DEVICE, MESSAGE_KIND_CASES } from './support/message-log-fixtures.js';
import { eventually, postSigned } from './support/test-app.js';

const AUTH = `Bearer ${ADMIN_TEST_TOKEN}`;
const messagesPath = (chat: string, query = '') => `/admin/chats/${encodeURIComponent(chat)}/messages${query}`;

interface Listed {
  messageId: string;
  sentAt: string;
  [field: string]: unknown;
}

describe.each(DATABASE_KINDS)('message log on %s', (kind) => {
  let database: TestDatabase;
  const apps: INestApplication[] = [];

  async function boot(env: Record<string, string | undefined> = {}): Promise<INestApplication> {
    const app = await startAdminApp({ DATABASE_URL: database.url, ADMIN_TOKEN: ADMIN_TEST_TOKEN, ...env });
    apps.push(app);
    return app;
  }

  const get = (app: INestApplication, path: string) => request(app.getHttpServer()).get(path).set('Authorization', AUTH);

  async function listAll(app: INestApplication, chat = LOG_CHAT): Promise<Listed[]> {
    return (await get(app, messagesPath(chat, '?limit=500')).expect(200)).body.items;
  }

  async function waitFor(app: INestApplication, what: string, check: (items: Listed[]) => boolean): Promise<Listed[]> {
    let items: Listed[] = [];
    await eventually(async () => check((items = await listAll(app))), 20_000, what);
    return items;
  }

  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await database.drop();
  });

  it('stores every message kind of the gateway fixtures and lists the chat newest first', async () => {
    const app = await boot();
    const sent = MESSAGE_KIND_CASES.map(([prefix, expected]) => {
      const { body, payload } = fixtureIn(prefix, { id: `FX-${prefix}ID` });
      return { body, payload, expected: { messageId: payload.id, ...expected(payload) } };
    });
    for (const { body } of sent) await postSigned(app, body).expect(200);

    const items = await waitFor(app, 'every message logged', (list) => list.length === sent.length);
    for (const { payload, expected } of sent) {
      const item = items.find((i) => i.messageId === payload.id);
      expect(item).toMatchObject({ ...expected, chatId: LOG_CHAT, deviceId: LOG_DEVICE, sentAt: new Date(payload.timestamp).toISOString() });
      expect(item).toMatchObject({ status: 'sent', edit: null, revoked: false, deleted: false, reactions: [] });
    }
    const newestFirst = sent
      .map(({ payload }) => ({ id: payload.id as string, at: Date.parse(payload.timestamp) }))
      .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
      .map((m) => m.id);
    expect(items.map((i) => i.messageId)).toEqual(newestFirst);
  });

  it('applies receipts, an edit, a reaction and a revocation that arrive before their message', async () => {
    const app = await boot();
    const id = 'EARLY-1';
    const edit = fixtureIn('39-', { id: 'EDIT-1', original_message_id: id, body: 'edited text' });
    const reaction = fixtureIn('03-', { id: 'REACT-1', reacted_message_id: id });
    const early = [
      fixtureIn('05-', { ids: [id, 'EARLY-2'] }).body,
      fixtureIn('04-', { ids: [id] }).body,
      edit.body,
      reaction.body,
      fixtureIn('38-', { id: 'REVOKE-1', revoked_message_id: id }).body,
    ];
    const deliveries: string[] = [];
    for (const body of early) deliveries.push((await postSigned(app, body).expect(200)).body.id);
    // Handled before the message exists: stored, but a chat lists only messages that arrived.
    await eventually(async () => {
      const rows = await Promise.all(deliveries.map((d) => app.get(InboxRepository).findByDeliveryId(d)));
      return rows.every((row) => row?.status === 'done');
    }, 20_000, 'early events handled');
    expect(await listAll(app)).toEqual([]);

    const message = fixtureIn('01-', { id, body: 'original text' });
    await postSigned(app, message.body).expect(200);

    const [item] = await waitFor(app, 'the merged message', (list) => list[0]?.revoked === true && list[0]?.status === 'read');
    expect(item).toMatchObject({
      messageId: id,
      text: 'original text',
      status: 'read',
      readAt: expect.any(String),
      deliveredAt: expect.any(String),
      edit: { text: 'edited text', editedAt: new Date(edit.payload.timestamp).toISOString() },
      revoked: true,
      reactions: [{ reactorId: reaction.payload.from, emoji: reaction.payload.reaction, reactedAt: new Date(reaction.payload.timestamp).toISOString() }],
    });
  });

  it('marks a message deleted for me, and keeps a later receipt from moving its status back', async () => {
    const app = await boot();
    await postSigned(app, fixtureIn('01-', { id: 'DEL-1' }).body).expect(200);
    await postSigned(app, fixtureIn('05-', { ids: ['DEL-1'] }).body).expect(200);
    await postSigned(app, fixtureIn('04-', { ids: ['DEL-1'] }).body).expect(200);
    const deleted = fixtureIn('37-', { deleted_message_id: 'DEL-1' });
    await postSigned(app, deleted.body).expect(200);

    const [item] = await waitFor(app, 'the deletion', (list) => list[0]?.deleted === true);
    expect(item).toMatchObject({ messageId: 'DEL-1', deleted: true, deletedAt: new Date(deleted.payload.timestamp).toISOString(), status: 'read' });
  });

  it('pages a chat newest first with a cursor, per chat and per device', async () => {
    const app = await boot();
    const at = (n: number) => new Date(Date.UTC(2025, 0, 1, 12, n)).toISOString();
    for (let n = 1; n <= 5; n += 1) {
      const body = textMessage(n, LOG_CHAT, LOG_DEVICE);
      await postSigned(app, { ...body, payload: { ...body.payload, timestamp: at(n) } }).expect(200);
    }
    await postSigned(app, textMessage(6, '628777@s.whatsapp.net', LOG_DEVICE)).expect(200);
    await waitFor(app, 'five messages', (list) => list.length === 5);

    const seen: Listed[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await get(app, messagesPath(LOG_CHAT, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((i) => i.sentAt)).toEqual([5, 4, 3, 2, 1].map(at));
    expect(seen.map((i) => i.text)).toEqual([5, 4, 3, 2, 1].map((n) => `message ${n}`));

    expect(await listAll(app, '628777@s.whatsapp.net')).toHaveLength(1);
    expect((await get(app, messagesPath(LOG_CHAT, `?device=${encodeURIComponent(LOG_DEVICE)}`)).expect(200)).body.items).toHaveLength(5);
    expect((await get(app, messagesPath(LOG_CHAT, '?device=other%40s.whatsapp.net')).expect(200)).body.items).toEqual([]);
  });

  describe('access', () => {
    it('answers 401 ADMIN_UNAUTHORIZED without a token or with a wrong one, with security headers', async () => {
      const app = await boot();
      const missing = await request(app.getHttpServer()).get(messagesPath(LOG_CHAT)).expect(401);
      expect(missing.body.code).toBe('ADMIN_UNAUTHORIZED');
      expect(missing.headers['www-authenticate']).toBe('Bearer');
      const wrong = await request(app.getHttpServer()).get(messagesPath(LOG_CHAT)).set('Authorization', 'Bearer wrong').expect(401);
      expect(wrong.body.code).toBe('ADMIN_UNAUTHORIZED');
      const ok = await get(app, messagesPath(LOG_CHAT)).expect(200);
      expect(ok.body).toEqual({ items: [], nextCursor: null });
      expect(ok.headers['x-content-type-options']).toBe('nosniff');
      expect(ok.headers['content-security-policy']).toContain("default-src 'self'");
      expect(ok.headers['cache-control']).toBe('no-store');
    });

    it('answers 404 NOT_FOUND when ADMIN_TOKEN is unset', async () => {
      const app = await boot({ ADMIN_TOKEN: undefined });
      await get(app, messagesPath(LOG_CHAT)).expect(404, { code: 'NOT_FOUND', message: 'No such route.' });
    });

    it.each([
      ['a forged cursor', '?cursor=bm9wZQ'],
      ['a cursor of the wrong shape', `?cursor=${Buffer.from('[1,2]').toString('base64url')}`],
      ['a limit over 500', '?limit=501'],
      ['an unknown parameter', '?text=1'],
    ])('answers 400 ADMIN_BAD_REQUEST to %s', async (_what, query) => {
      const app = await boot();
      const { body } = await get(app, messagesPath(LOG_CHAT, query)).expect(400);
      expect(body.code).toBe('ADMIN_BAD_REQUEST');
    });

    it('documents the endpoint in OpenAPI', async () => {
      const app = await boot();
      const { body } = await request(app.getHttpServer()).get('/docs-json').expect(200);
      const operation = body.paths['/admin/chats/{chatId}/messages'].get;
      expect(operation.security).toEqual([{ bearer: [] }]);
      expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['chatId', 'cursor', 'device', 'limit']);
      expect(body.components.schemas.LoggedMessageDto.properties).toHaveProperty('reactions');
    });
  });

  it('records nothing with MESSAGE_LOG_ENABLED=false, while other handlers still run', async () => {
    const app = await boot({ MESSAGE_LOG_ENABLED: 'false' });
    const { body } = await postSigned(app, fixtureIn('01-', { id: 'OFF-1' }).body).expect(200);
    await eventually(async () => (await app.get(InboxRepository).findByDeliveryId(body.id))?.status === 'done', 20_000, 'delivery done');
    expect(await listAll(app)).toEqual([]);
    const detail = await get(app, `/admin/inbox/${body.id}`).expect(200);
    const handlers = detail.body.handlers.map((h: { handler: string }) => h.handler);
    expect(handlers).toContain('RecordingHandler.onMessage');
    expect(handlers.some((h: string) => h.startsWith('MessageLogHandler'))).toBe(false);
  });
});
