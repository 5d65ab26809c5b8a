import type { INestApplication } from '@nestjs/common';
import BetterSqlite3 from 'better-sqlite3';
import { Redis } from 'ioredis';
import request from 'supertest';
import type { MessageReceivedEvent } from '../src/events/index.js';
import { InboxRepository, InboxRetentionService } from '../src/inbox/index.js';
import { createTestDatabase, TEST_POSTGRES_URL, TEST_REDIS_URL, type TestDatabase } from './support/databases.js';
import { textMessage } from './support/events.js';
import { RecordingHandler } from './support/recording.handler.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { eventually, postSigned, startApp } from './support/test-app.js';

describe('inbox faults and scale-out', () => {
  let database: TestDatabase;
  const apps: INestApplication[] = [];

  async function boot(env: Record<string, string>): Promise<INestApplication> {
    const app = await startApp(env);
    apps.push(app);
    return app;
  }

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await database?.drop();
  });

  describe('two replicas on one PostgreSQL inbox', () => {
    beforeEach(async () => {
      database = await createTestDatabase('postgres');
    });

    it('processes the same event sent to both replicas once', async () => {
      const [a, b] = [await boot({ DATABASE_URL: database.url }), await boot({ DATABASE_URL: database.url })];
      const answers = await Promise.all([postSigned(a!, textMessage(1)), postSigned(b!, textMessage(1))]);
      expect(answers.map((r) => r.status)).toEqual([200, 200]);
      expect(answers.map((r) => r.body.status).sort()).toEqual(['accepted', 'duplicate']);
      expect(answers[0]!.body.id).toBe(answers[1]!.body.id);

      await eventually(async () => (await a!.get(InboxRepository).findByDeliveryId(answers[0]!.body.id))?.status === 'done');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const handled = a!.get(RecordingHandler).received.length + b!.get(RecordingHandler).received.length;
      expect(handled).toBe(1);
    });

    it('shares a stream of events between replicas, each processed exactly once', async () => {
      const [a, b] = [await boot({ DATABASE_URL: database.url }), await boot({ DATABASE_URL: database.url })];
      const total = 60;
      await Promise.all(
        Array.from({ length: total }, (_, n) => postSigned(n % 2 ? a! : b!, textMessage(n, `chat-${n % 7}@s.whatsapp.net`)).expect(200)),
      );
      const all = () => [...a!.get(RecordingHandler).received, ...b!.get(RecordingHandler).received];
      await eventually(() => all().length >= total, 20_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const ids = all().map((r) => r.event.deliveryId);
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
    });
  });

  describe('database outage', () => {
    it('answers 503 while PostgreSQL is unreachable and processes the retried event after it returns', async () => {
      database = await createTestDatabase('postgres');
      const proxy = new TcpProxy('127.0.0.1', Number(new URL(TEST_POSTGRES_URL).port || 5432));
      const port = await proxy.start();
      const url = new URL(database.url);
      url.port = String(port);
      const app = await boot({ DATABASE_URL: url.toString() });

      await proxy.cut();
      const refused = await postSigned(app, textMessage(1)).expect(503);
      expect(refused.body).toEqual({ code: 'INBOX_UNAVAILABLE', message: expect.any(String) });
      expect(refused.headers['retry-after']).toBeDefined();
      await request(app.getHttpServer()).get('/health/ready').expect(503);

      await proxy.start(port);
      // The gateway retries the same bytes: this time they are stored and processed.
      const retried = await postSigned(app, textMessage(1)).expect(200);
      expect(retried.body.status).toBe('accepted');
      await eventually(() => app.get(RecordingHandler).received.length === 1, 15_000);
      await request(app.getHttpServer()).get('/health/ready').expect(200);
      await app.close();
      apps.splice(apps.indexOf(app), 1);
      await proxy.cut();
    });

    it('answers 503 while the SQLite file is locked by another writer, then accepts', async () => {
      database = await createTestDatabase('sqlite');
      const app = await boot({ DATABASE_URL: database.url });
      const locker = new BetterSqlite3(database.url.slice('sqlite:'.length));
      locker.exec('BEGIN EXCLUSIVE');
      try {
        await postSigned(app, textMessage(1)).expect(503);
      } finally {
        locker.exec('ROLLBACK');
        locker.close();
      }
      await postSigned(app, textMessage(1)).expect(200);
      await eventually(() => app.get(RecordingHandler).received.length === 1);
    }, 30_000);
  });

  describe('redis dedupe store', () => {
    beforeEach(async () => {
      database = await createTestDatabase('sqlite');
    });

    it('remembers keys in Redis and still dispatches once', async () => {
      const app = await boot({ DATABASE_URL: database.url, DEDUPE_STORE: 'redis', REDIS_URL: TEST_REDIS_URL });
      const message = textMessage(Date.now());
      const first = await postSigned(app, message).expect(200);
      const second = await postSigned(app, message).expect(200);
      expect(second.body).toEqual({ status: 'duplicate', id: first.body.id });

      const redis = new Redis(TEST_REDIS_URL);
      const keys = await redis.keys('gowa-webhook:dedupe:*');
      const values = await Promise.all(keys.map((key) => redis.get(key)));
      await redis.quit();
      expect(values).toContain(first.body.id);
      await eventually(() => app.get(RecordingHandler).received.length === 1);
    });

    it('falls back to the database when Redis is unreachable, and readiness says so', async () => {
      const app = await boot({ DATABASE_URL: database.url, DEDUPE_STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:1' });
      const first = await postSigned(app, textMessage(1)).expect(200);
      const second = await postSigned(app, textMessage(1)).expect(200);
      expect(second.body).toEqual({ status: 'duplicate', id: first.body.id });
      const health = await request(app.getHttpServer()).get('/health/ready').expect(200);
      expect(health.body.details.dedupe).toMatchObject({ status: 'up', store: 'redis', degraded: true, fallback: 'database' });
    });
  });

  describe('memory dedupe store', () => {
    it('dedupes in memory in front of the database', async () => {
      database = await createTestDatabase('sqlite');
      const app = await boot({ DATABASE_URL: database.url, DEDUPE_STORE: 'memory' });
      const first = await postSigned(app, textMessage(1)).expect(200);
      const second = await postSigned(app, textMessage(1)).expect(200);
      expect(second.body).toEqual({ status: 'duplicate', id: first.body.id });
    });
  });

  describe('retention', () => {
    it('purges processed deliveries older than the retention age, in batches, and keeps dead letters', async () => {
      database = await createTestDatabase('sqlite');
      const app = await boot({ DATABASE_URL: database.url, RETENTION_PROCESSED_HOURS: '1', RETENTION_BATCH_SIZE: '10', DISPATCH_MAX_ATTEMPTS: '1' });
      app.get(RecordingHandler).behaviour = (event) => {
        if ((event as MessageReceivedEvent).text === 'message 999') throw new Error('dead on purpose');
      };
      const deadId = (await postSigned(app, textMessage(999)).expect(200)).body.id;
      const ids: string[] = [];
      for (let n = 0; n < 25; n += 1) ids.push((await postSigned(app, textMessage(n)).expect(200)).body.id);
      const repository = app.get(InboxRepository);
      await eventually(async () => (await repository.backlog()).pending === 0);

      expect(await app.get(InboxRetentionService).purge(Date.now())).toEqual({ deliveries: 0, keys: 0 });
      const twoHoursLater = Date.now() + 2 * 3600 * 1000;
      const purged = await app.get(InboxRetentionService).purge(twoHoursLater);
      expect(purged.deliveries).toBe(25);
      expect(await repository.findByDeliveryId(ids[0]!)).toBeUndefined();
      expect((await repository.findByDeliveryId(deadId))?.status).toBe('dead');
    });
  });
});
