import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { textMessage } from './support/events.js';
import { postSigned, startApp } from './support/test-app.js';

/**
 * Two deployments in one PostgreSQL database, each in its own schema (search_path): each must
 * migrate and keep its own migration bookkeeping, whatever the other schema already holds.
 */
describe('PostgreSQL schemas side by side', () => {
  const databases: TestDatabase[] = [];
  const apps: INestApplication[] = [];

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    for (const database of databases.splice(0)) await database.drop();
  });

  it('migrates a second schema while the first one already has its migration tables', async () => {
    for (let n = 0; n < 2; n++) {
      const database = await createTestDatabase('postgres');
      databases.push(database);
      const app = await startApp({ DATABASE_URL: database.url });
      apps.push(app);
      expect((await postSigned(app, textMessage(n)).expect(200)).body.status).toBe('accepted');
      expect((await request(app.getHttpServer()).get('/health/ready')).status).toBe(200);
    }
  }, 60_000);
});
