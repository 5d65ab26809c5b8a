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
});
