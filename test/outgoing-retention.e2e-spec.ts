import type { INestApplication } from '@nestjs/common';
import { AppDatabase, type OutgoingMessagesTable } from '../src/database/index.js';
import { OutgoingMessagesRetention } from '../src/features/gateway-client/index.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './support/databases.js';
import { startApp } from './support/test-app.js';

const HOUR = 3600 * 1000;

describe.each(DATABASE_KINDS)('outgoing message retention on %s', (kind) => {
  let database: TestDatabase;
  let app: INestApplication;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    app = await startApp({ DATABASE_URL: database.url, RETENTION_PROCESSED_HOURS: '24', RETENTION_BATCH_SIZE: '10' });
  });

  afterEach(async () => {
    await app.close();
    await database.drop();
  });

  it('purges settled records older than the processed-delivery retention, in batches, and keeps unconfirmed sends', async () => {
    const now = Date.now();
    const row = (key: string, status: OutgoingMessagesTable['status'], ageHours: number): OutgoingMessagesTable => ({
      key,
      purpose: 'reply-bot',
      delivery_id: `d-${key}`,
      chat_id: 'chat@s.whatsapp.net',
      status,
      gateway_message_id: status === 'sent' ? `gw-${key}` : null,
      failures: status === 'failed' ? 1 : 0,
      last_error: null,
      created_at: now - ageHours * HOUR,
      updated_at: now - ageHours * HOUR,
    });
    const old = Array.from({ length: 25 }, (_, n) => row(`old-sent-${n}`, 'sent', 48));
    const rows = [...old, row('old-failed', 'failed', 30), row('old-sending', 'sending', 72), row('recent-sent', 'sent', 2)];
    const { db } = app.get(AppDatabase);
    await db.insertInto('outgoing_messages').values(rows).execute();

    expect(await app.get(OutgoingMessagesRetention).purge(now)).toBe(26);

    const left = await db.selectFrom('outgoing_messages').select('key').orderBy('key').execute();
    expect(left.map((r) => r.key)).toEqual(['old-sending', 'recent-sent']);
  });
});
