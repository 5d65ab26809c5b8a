import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { InboxRepository } from '../src/inbox/index.js';
import { signBody } from '../src/webhook/index.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { FIXTURE_EXPECTATIONS } from './support/fixture-expectations.js';
import { loadFixture, loadFixtures } from './support/fixtures.js';
import { gatewayJson } from './support/gateway-json.js';
import { RecordingHandler } from './support/recording.handler.js';
import { eventually, postSigned, startApp, TEST_SECRET } from './support/test-app.js';

describe('POST /webhook (SQLite)', () => {
  let app: INestApplication;
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
    app = await startApp({ DATABASE_URL: database.url, WEBHOOK_BODY_LIMIT_BYTES: '4096' });
  });

  afterEach(async () => {
    await app.close();
    await database.drop();
  });

  const recorder = () => app.get(RecordingHandler);
  const server = () => app.getHttpServer();

  describe.each(loadFixtures().map((f) => [f.name, f] as const))('fixture %s', (name, fixture) => {
    it('is acknowledged and reaches a handler as the right domain event', async () => {
      const expected = FIXTURE_EXPECTATIONS[name.slice(0, 2)];
      expect(expected).toBeDefined();

      const response = await postSigned(app, fixture.body).expect(200);
      expect(response.body).toEqual({ status: 'accepted', id: expect.stringMatching(/^[0-9a-f-]{36}$/) });

      await eventually(() => recorder().received.length === 1, 5000, `${name} to be handled`);
      const [received] = recorder().received;
      expect(received!.name).toBe(expected!.name);
      expect(received!.event).toMatchObject({ ...expected!.fields, deliveryId: response.body.id });
      expect(received!.event.receivedAt).toBeInstanceOf(Date);
      expect(Object.isFrozen(received!.event)).toBe(true);
    });
  });

  it('answers a duplicate delivery with the first id and dispatches it once', async () => {
    const body = loadFixture('01-');
    const first = await postSigned(app, body).expect(200);
    const second = await postSigned(app, body).expect(200);
    expect(second.body).toEqual({ status: 'duplicate', id: first.body.id });
    await eventually(() => recorder().received.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(recorder().received).toHaveLength(1);
  });

  it('acknowledges and keeps an unknown event without dispatching it', async () => {
    const response = await postSigned(app, { event: 'poll.vote', device_id: 'd@s.whatsapp.net', payload: { poll_id: 'x' } }).expect(200);
    expect(response.body.status).toBe('accepted');
    const stored = await app.get(InboxRepository).findByDeliveryId(response.body.id);
    expect(stored).toMatchObject({ status: 'unrecognized', gatewayEvent: 'poll.vote' });
    expect(stored!.lastError).toMatch(/poll\.vote/);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(recorder().received).toHaveLength(0);
  });

  it('acknowledges and keeps a known event whose shape does not fit', async () => {
    const response = await postSigned(app, { event: 'message', device_id: 'd@s.whatsapp.net', payload: { chat_id: 42 } }).expect(200);
    const stored = await app.get(InboxRepository).findByDeliveryId(response.body.id);
    expect(stored?.status).toBe('unrecognized');
  });

  it('keeps a known event whose identity reads but whose other fields do not fit, and marks it unrecognised at dispatch', async () => {
    const body = { event: 'message', device_id: 'd@s.whatsapp.net', payload: { id: 'M-odd', chat_id: '1@s.whatsapp.net', from: '1@s.whatsapp.net', is_from_me: 'yes' } };
    const response = await postSigned(app, body).expect(200);
    expect(response.body.status).toBe('accepted');
    const repository = app.get(InboxRepository);
    await eventually(async () => (await repository.findByDeliveryId(response.body.id))?.status === 'unrecognized', 5000, 'the dispatcher to mark it');
    const stored = await repository.findByDeliveryId(response.body.id);
    expect(stored).toMatchObject({ gatewayEvent: 'message', status: 'unrecognized', lastError: expect.stringMatching(/is_from_me/) });
    expect(recorder().received).toHaveLength(0);
    // Identified by its message id: a redelivery is a duplicate, not a second unrecognised row.
    expect((await postSigned(app, body).expect(200)).body).toEqual({ status: 'duplicate', id: response.body.id });
  });

  it('acknowledges signed JSON that is not an object', async () => {
    await postSigned(app, '[1,2,3]').expect(200);
  });

  describe('answers errors as JSON with a stable code', () => {
    const body = gatewayJson(loadFixture('01-'));

    it('401 SIGNATURE_MISSING without a signature', async () => {
      const response = await request(server()).post('/webhook').set('Content-Type', 'application/json').send(body).expect(401);
      expect(response.body).toEqual({ code: 'SIGNATURE_MISSING', message: expect.any(String) });
    });

    it.each([
      ['no sha256= prefix', signBody(body, TEST_SECRET).slice(7)],
      ['uppercase hex', signBody(body, TEST_SECRET).toUpperCase()],
      ['short hex', signBody(body, TEST_SECRET).slice(0, 40)],
      ['garbage', 'sha256=not-hex-at-all'],
    ])('401 SIGNATURE_MALFORMED for %s', async (_, header) => {
      const response = await request(server()).post('/webhook').set('X-Hub-Signature-256', header).send(body).expect(401);
      expect(response.body.code).toBe('SIGNATURE_MALFORMED');
    });

    it('401 SIGNATURE_MISMATCH for the wrong secret', async () => {
      const response = await postSigned(app, body, 'some-other-secret-value').expect(401);
      expect(response.body.code).toBe('SIGNATURE_MISMATCH');
    });

    it('401 SIGNATURE_MISMATCH for a tampered body', async () => {
      const response = await request(server())
        .post('/webhook')
        .set('Content-Type', 'application/json')
        .set('X-Hub-Signature-256', signBody(body, TEST_SECRET))
        .send(body.replace('Hello', 'Hallo'))
        .expect(401);
      expect(response.body.code).toBe('SIGNATURE_MISMATCH');
    });

    it('400 INVALID_JSON for a signed body that is not JSON', async () => {
      const response = await postSigned(app, '{"event": "message", ').expect(400);
      expect(response.body).toEqual({ code: 'INVALID_JSON', message: 'The request body is not valid JSON.' });
    });

    it('400 EMPTY_BODY for a signed empty body', async () => {
      const response = await postSigned(app, '').expect(400);
      expect(response.body.code).toBe('EMPTY_BODY');
    });

    it('413 PAYLOAD_TOO_LARGE over the body limit', async () => {
      const large = gatewayJson({ event: 'message', payload: { body: 'x'.repeat(5000) } });
      const response = await postSigned(app, large).expect(413);
      expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('405 METHOD_NOT_ALLOWED for GET /webhook', async () => {
      const response = await request(server()).get('/webhook').expect(405);
      expect(response.headers.allow).toBe('POST');
      expect(response.body.code).toBe('METHOD_NOT_ALLOWED');
    });

    it('answers on the paths Express routed here (any case, trailing slash, query), and leaves the rest to the router', async () => {
      const body = gatewayJson(loadFixture('01-'));
      const response = await request(server())
        .post('/Webhook/?source=gateway')
        .set('Content-Type', 'application/json')
        .set('X-Hub-Signature-256', signBody(body, TEST_SECRET))
        .send(body)
        .expect(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body).toEqual({ status: 'accepted', id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      await request(server()).head('/webhook/').expect(405);
      await request(server()).post('/webhook/extra').expect(404);
    });

    it('404 NOT_FOUND for an unknown path, without echoing it', async () => {
      const response = await request(server()).post('/webhooks-typo?token=abc').expect(404);
      expect(response.body).toEqual({ code: 'NOT_FOUND', message: 'No such route.' });
    });

    it('never echoes the request or a stack trace', async () => {
      const secretText = 'my-private-message-text';
      const response = await postSigned(app, `{"body":"${secretText}"`).expect(400);
      expect(JSON.stringify(response.body)).not.toContain(secretText);
      expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:\d+/);
    });
  });
});

describe('secrets', () => {
  let database: TestDatabase;
  let app: INestApplication | undefined;

  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await database.drop();
  });

  it('accepts any secret of a rotation list', async () => {
    app = await startApp({ DATABASE_URL: database.url, WHATSAPP_WEBHOOK_SECRET: 'new-secret-0123456789, old-secret-0123456789' });
    await postSigned(app, loadFixture('01-'), 'old-secret-0123456789').expect(200);
    await postSigned(app, loadFixture('02-'), 'new-secret-0123456789').expect(200);
    await postSigned(app, loadFixture('03-'), 'retired-secret-012345').expect(401);
  });

  it("falls back to the gateway's default secret outside production", async () => {
    app = await startApp({ DATABASE_URL: database.url, WHATSAPP_WEBHOOK_SECRET: undefined, NODE_ENV: 'development' });
    await postSigned(app, loadFixture('01-'), 'secret').expect(200);
  });

  it('refuses to boot in production without a secret', async () => {
    await expect(startApp({ DATABASE_URL: database.url, WHATSAPP_WEBHOOK_SECRET: undefined, NODE_ENV: 'production' })).rejects.toThrow(
      'WHATSAPP_WEBHOOK_SECRET is required when NODE_ENV=production',
    );
  });
});
