import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { InboxRepository } from '../src/inbox/index.js';
import { ADMIN_TEST_TOKEN, startAdminApp } from './support/admin-app.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './support/databases.js';
import { textMessage } from './support/events.js';
import { RecordingHandler } from './support/recording.handler.js';
import { eventually, postSigned } from './support/test-app.js';

const AUTH = `Bearer ${ADMIN_TEST_TOKEN}`;
const CHAT_A = '628111@s.whatsapp.net';
const CHAT_B = '628222@s.whatsapp.net';

describe.each(DATABASE_KINDS)('admin API on %s', (kind) => {
  let database: TestDatabase;
  const apps: INestApplication[] = [];

  async function boot(env: Record<string, string | undefined> = {}): Promise<INestApplication> {
    const app = await startAdminApp({ DATABASE_URL: database.url, ADMIN_TOKEN: ADMIN_TEST_TOKEN, ...env });
    apps.push(app);
    return app;
  }

  const get = (app: INestApplication, path: string) => request(app.getHttpServer()).get(path).set('Authorization', AUTH);
  const post = (app: INestApplication, path: string, body?: object) => {
    const req = request(app.getHttpServer()).post(path).set('Authorization', AUTH);
    return body === undefined ? req : req.send(body);
  };

  async function statusOf(app: INestApplication, deliveryId: string) {
    return (await app.get(InboxRepository).findByDeliveryId(deliveryId))?.status;
  }

  /** Posts a message whose handler always fails, and waits for its dead letter. */
  async function deadLetter(app: INestApplication, n: number, chat = CHAT_A): Promise<string> {
    const { body } = await postSigned(app, textMessage(n, chat)).expect(200);
    await eventually(async () => (await statusOf(app, body.id)) === 'dead', 10_000, 'dead letter');
    return body.id as string;
  }

  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await database.drop();
  });

  describe('access', () => {
    it('answers 404 NOT_FOUND on every admin route when no token is configured', async () => {
      const app = await boot({ ADMIN_TOKEN: undefined });
      const list = await get(app, '/admin/inbox').expect(404);
      expect(list.body).toEqual({ code: 'NOT_FOUND', message: 'No such route.' });
      await post(app, '/admin/inbox/replay', {}).expect(404, { code: 'NOT_FOUND', message: 'No such route.' });
      await request(app.getHttpServer()).post('/admin/inbox/x/replay').set('Content-Type', 'application/json').send('{oops').expect(404);
    });

    it('answers 401 ADMIN_UNAUTHORIZED without a header', async () => {
      const app = await boot();
      const { body, headers } = await request(app.getHttpServer()).get('/admin/inbox').expect(401);
      expect(body.code).toBe('ADMIN_UNAUTHORIZED');
      expect(typeof body.message).toBe('string');
      expect(headers['www-authenticate']).toBe('Bearer');
    });

    it.each([`Bearer ${ADMIN_TEST_TOKEN}x`, 'Bearer wrong', ADMIN_TEST_TOKEN, `Basic ${ADMIN_TEST_TOKEN}`])(
      'answers 401 ADMIN_UNAUTHORIZED to Authorization: %s',
      async (header) => {
        const app = await boot();
        const { body } = await request(app.getHttpServer()).get('/admin/inbox').set('Authorization', header).expect(401);
        expect(body.code).toBe('ADMIN_UNAUTHORIZED');
      },
    );

    it('answers 200 with the right token, with security headers', async () => {
      const app = await boot();
      const { body, headers } = await get(app, '/admin/inbox').expect(200);
      expect(body).toEqual({ items: [], nextCursor: null });
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['content-security-policy']).toContain("default-src 'self'");
    });
  });

  describe('listing', () => {
    it('lists deliveries newest first without their bodies, and filters them', async () => {
      const app = await boot({ DISPATCH_MAX_ATTEMPTS: '1' });
      app.get(RecordingHandler).behaviour = (event) => {
        if ((event as { chatId?: string }).chatId === CHAT_B) throw new Error('chat B is broken');
      };
      const a1 = (await postSigned(app, textMessage(1, CHAT_A)).expect(200)).body.id as string;
      const a2 = (await postSigned(app, textMessage(2, CHAT_A)).expect(200)).body.id as string;
      const b1 = (await postSigned(app, textMessage(3, CHAT_B)).expect(200)).body.id as string;
      await eventually(async () => (await statusOf(app, a2)) === 'done' && (await statusOf(app, b1)) === 'dead');

      const all = await get(app, '/admin/inbox').expect(200);
      expect(all.body.items.map((i: { deliveryId: string }) => i.deliveryId)).toEqual([b1, a2, a1]);
      const first = all.body.items[2];
      expect(Object.keys(first).sort()).toEqual(
        ['attempts', 'chatId', 'deliveryId', 'deviceId', 'finishedAt', 'gatewayEvent', 'lastError', 'receivedAt', 'status'].sort(),
      );
      expect(first).toMatchObject({ deliveryId: a1, gatewayEvent: 'message', chatId: CHAT_A, status: 'done', attempts: 1, lastError: null });
      expect(new Date(first.receivedAt).toISOString()).toBe(first.receivedAt);
      expect(JSON.stringify(all.body)).not.toContain('message 1');

      const dead = await get(app, '/admin/inbox?status=dead').expect(200);
      expect(dead.body.items).toHaveLength(1);
      expect(dead.body.items[0]).toMatchObject({ deliveryId: b1, status: 'dead' });
      expect(dead.body.items[0].lastError).toContain('chat B is broken');

      const chatA = await get(app, `/admin/inbox?chat=${encodeURIComponent(CHAT_A)}&event=message`).expect(200);
      expect(chatA.body.items.map((i: { deliveryId: string }) => i.deliveryId)).toEqual([a2, a1]);
      expect((await get(app, '/admin/inbox?event=message.ack').expect(200)).body.items).toEqual([]);

      const future = new Date(Date.now() + 60_000).toISOString();
      expect((await get(app, `/admin/inbox?from=${future}`).expect(200)).body.items).toEqual([]);
      expect((await get(app, `/admin/inbox?to=${future}`).expect(200)).body.items).toHaveLength(3);
    });

    it('pages with a cursor', async () => {
      const app = await boot();
      const ids: string[] = [];
      for (let n = 1; n <= 5; n += 1) ids.push((await postSigned(app, textMessage(n)).expect(200)).body.id);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await get(app, `/admin/inbox?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((i: { deliveryId: string }) => i.deliveryId));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...ids].reverse());
    });

    it.each([
      ['an unknown status', '?status=lost'],
      ['a limit over 500', '?limit=501'],
      ['a limit that is not a number', '?limit=ten'],
      ['a time that is not ISO 8601', '?from=yesterday'],
      ['an unknown parameter', '?body=1'],
      ['a forged cursor', '?cursor=bm9wZQ'],
    ])('answers 400 ADMIN_BAD_REQUEST to %s', async (_what, query) => {
      const app = await boot();
      const { body } = await get(app, `/admin/inbox${query}`).expect(400);
      expect(body.code).toBe('ADMIN_BAD_REQUEST');
      expect(body.message).not.toContain('yesterday');
    });
  });

  describe('one delivery and replay', () => {
    it('shows one delivery with its handler attempts and only the size of its body', async () => {
      const app = await boot({ DISPATCH_MAX_ATTEMPTS: '1' });
      app.get(RecordingHandler).behaviour = () => {
        throw new Error('the CRM is down');
      };
      const id = await deadLetter(app, 1);

      const { body } = await get(app, `/admin/inbox/${id}`).expect(200);
      expect(body).toMatchObject({ deliveryId: id, status: 'dead', attempts: 1, chatId: CHAT_A });
      expect(body.bodyBytes).toBe((await app.get(InboxRepository).findByDeliveryId(id))?.rawBody.length);
      expect(body.bodyBytes).toBeGreaterThan(0);
      expect(body).not.toHaveProperty('rawBody');
      expect(JSON.stringify(body)).not.toContain('message 1');
      const failed = body.handlers.find((h: { handler: string }) => h.handler.startsWith('RecordingHandler'));
      const succeeded = body.handlers.find((h: { handler: string }) => h.handler.startsWith('SecondMessageHandler'));
      expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
      expect(failed.lastError).toContain('the CRM is down');
      expect(succeeded).toMatchObject({ status: 'succeeded', attempts: 1, lastError: null });

      await get(app, '/admin/inbox/no-such-delivery').expect(404).expect((res) => expect(res.body.code).toBe('DELIVERY_NOT_FOUND'));
    });

    it('replays one dead letter after the handler is fixed', async () => {
      const app = await boot({ DISPATCH_MAX_ATTEMPTS: '1' });
      const handler = app.get(RecordingHandler);
      handler.behaviour = () => {
        throw new Error('broken');
      };
      const id = await deadLetter(app, 1);

      handler.behaviour = () => undefined;
      await post(app, `/admin/inbox/${id}/replay`).expect(200, { replayed: 1 });
      await eventually(async () => (await statusOf(app, id)) === 'done', 10_000, 'replayed delivery done');
      expect(handler.received).toHaveLength(1);

      const { body } = await get(app, `/admin/inbox/${id}`).expect(200);
      expect(body.handlers.every((h: { status: string }) => h.status === 'succeeded')).toBe(true);
      await post(app, '/admin/inbox/no-such-delivery/replay', {}).expect(404);
    });

    it('replays the dead letters matching a filter', async () => {
      const app = await boot({ DISPATCH_MAX_ATTEMPTS: '1' });
      const handler = app.get(RecordingHandler);
      handler.behaviour = () => {
        throw new Error('broken');
      };
      const a = await deadLetter(app, 1, CHAT_A);
      const b = await deadLetter(app, 2, CHAT_B);

      handler.behaviour = () => undefined;
      await post(app, '/admin/inbox/replay', { chat: CHAT_B }).expect(200, { replayed: 1 });
      await eventually(async () => (await statusOf(app, b)) === 'done', 10_000, 'filtered replay done');
      expect(await statusOf(app, a)).toBe('dead');

      await post(app, '/admin/inbox/replay', { status: 'dead', event: 'message', limit: 1000 }).expect(200, { replayed: 1 });
      await eventually(async () => (await statusOf(app, a)) === 'done', 10_000, 'bulk replay done');
    });

    it.each([
      ['a limit over 1000', { limit: 1001 }],
      ['an unknown field', { everything: true }],
      ['a flag that is not a boolean', { rerunSucceededHandlers: 'yes' }],
    ])('answers 400 ADMIN_BAD_REQUEST to a replay body with %s', async (_what, payload) => {
      const app = await boot();
      const { body } = await post(app, '/admin/inbox/replay', payload).expect(400);
      expect(body.code).toBe('ADMIN_BAD_REQUEST');
    });

    it('answers 400 INVALID_JSON to a body that is not JSON', async () => {
      const app = await boot();
      const { body } = await post(app, '/admin/inbox/replay').set('Content-Type', 'application/json').send('{oops').expect(400);
      expect(body).toEqual({ code: 'INVALID_JSON', message: 'The request body is not valid JSON.' });
    });

    it('answers 413 PAYLOAD_TOO_LARGE to a body over 64 kB', async () => {
      const app = await boot();
      const { body } = await post(app, '/admin/inbox/replay', { chat: 'x'.repeat(70 * 1024) }).expect(413);
      expect(body.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  describe('API docs', () => {
    it('serves the Swagger UI at /docs, with security headers', async () => {
      const app = await boot();
      const res = await request(app.getHttpServer()).get('/docs').redirects(1).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('swagger-ui');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      const asset = await request(app.getHttpServer()).get('/docs/swagger-ui-init.js').expect(200);
      expect(asset.headers['x-content-type-options']).toBe('nosniff');
    });

    it('serves the OpenAPI document at /docs-json with the admin paths and bearer auth', async () => {
      const app = await boot();
      const { body, headers } = await request(app.getHttpServer()).get('/docs-json').expect(200);
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(Object.keys(body.paths)).toEqual(
        expect.arrayContaining(['/admin/inbox', '/admin/inbox/{deliveryId}', '/admin/inbox/{deliveryId}/replay', '/admin/inbox/replay']),
      );
      expect(body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(body.paths['/admin/inbox'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['status', 'event', 'chat', 'from', 'to', 'limit', 'cursor']),
      );
    });
  });
});
