import { AsyncLocalStorage } from 'node:async_hooks';
import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ADMIN_TEST_TOKEN, startAdminApp } from './support/admin-app.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { textMessage } from './support/events.js';
import { eventually, postSigned } from './support/test-app.js';

/**
 * On Node 20 the first `run()` or `enterWith()` of any AsyncLocalStorage installs async hooks for
 * the life of the process, and every promise and async resource pays for them from then on: 15 %
 * of the ack path's CPU (docs/PERFORMANCE.md, round 12). A health probe was enough to turn them on
 * when nestjs-pino's request middleware ran each request inside one.
 */
describe('async context', () => {
  let database: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });

  afterAll(async () => {
    await app?.close();
    await database.drop();
  });

  it('is never entered while the app serves probes, scrapes, admin calls and webhooks', async () => {
    const run = jest.spyOn(AsyncLocalStorage.prototype, 'run');
    const enterWith = jest.spyOn(AsyncLocalStorage.prototype, 'enterWith');
    try {
      app = await startAdminApp({ DATABASE_URL: database.url, ADMIN_TOKEN: ADMIN_TEST_TOKEN });
      const server = app.getHttpServer();
      await request(server).get('/health/live').expect(200);
      await request(server).get('/health/ready').expect(200);
      await request(server).get('/metrics').expect(200);
      await request(server).get('/admin/inbox').set('Authorization', `Bearer ${ADMIN_TEST_TOKEN}`).expect(200);
      await request(server).get('/no-such-route').expect(404);
      const accepted = await postSigned(app, textMessage(1));
      expect(accepted.status).toBe(200);
      await eventually(async () => {
        const listing = await request(server).get('/admin/inbox?status=done').set('Authorization', `Bearer ${ADMIN_TEST_TOKEN}`);
        return (listing.body as { items: unknown[] }).items.length === 1;
      }, 10_000, 'the webhook to be processed');

      expect(run).not.toHaveBeenCalled();
      expect(enterWith).not.toHaveBeenCalled();
    } finally {
      run.mockRestore();
      enterWith.mockRestore();
    }
  }, 30_000);
});
