import type { INestApplication } from '@nestjs/common';
import type { MessageReceivedEvent } from '../src/events/index.js';
import { InboxRepository } from '../src/inbox/index.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './support/databases.js';
import { textMessage } from './support/events.js';
import { RecordingHandler } from './support/recording.handler.js';
import { eventually, postSigned, startApp } from './support/test-app.js';

/**
 * Handler faults the inbox must contain: a handler that never returns is cut off by
 * HANDLER_TIMEOUT_MS and retried, without holding up other chats; odd thrown values and error
 * text that PostgreSQL cannot store (NUL) are still recorded.
 */
describe.each(DATABASE_KINDS)('handler faults on %s', (kind) => {
  let database: TestDatabase;
  let app: INestApplication;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    app = await startApp({ DATABASE_URL: database.url, HANDLER_TIMEOUT_MS: '300', DISPATCH_MAX_ATTEMPTS: '3' });
  });

  afterEach(async () => {
    await app.close();
    await database.drop();
  });

  const status = async (id: string) => (await app.get(InboxRepository).findByDeliveryId(id))?.status;
  const messageIdOf = (event: unknown) => (event as MessageReceivedEvent).messageId;

  it('times out a handler that hangs, retries it, and meanwhile dispatches other chats', async () => {
    const hung = textMessage(1, 'hung@s.whatsapp.net');
    let hangs = 0;
    app.get(RecordingHandler).behaviour = (event) => {
      if (messageIdOf(event) === hung.payload.id && hangs++ === 0) return new Promise<void>(() => undefined);
    };
    const first = await postSigned(app, hung).expect(200);
    const other = await postSigned(app, textMessage(2, 'other@s.whatsapp.net')).expect(200);

    await eventually(async () => (await status(other.body.id)) === 'done', 20_000, 'the other chat to be processed');
    await eventually(async () => (await status(first.body.id)) === 'done', 20_000, 'the hung event to succeed on retry');
    const stored = await app.get(InboxRepository).findByDeliveryId(first.body.id);
    expect(stored?.attempts).toBe(2);
    expect(app.get(RecordingHandler).received.filter((r) => messageIdOf(r.event) === hung.payload.id)).toHaveLength(1);
  });

  it('dead-letters a handler that always hangs, saying it timed out', async () => {
    app.get(RecordingHandler).behaviour = () => new Promise<void>(() => undefined);
    const { body } = await postSigned(app, textMessage(3)).expect(200);
    await eventually(async () => (await status(body.id)) === 'dead', 20_000, 'the dead letter');
    const stored = await app.get(InboxRepository).findByDeliveryId(body.id);
    expect(stored?.attempts).toBe(3);
    expect(stored?.lastError).toMatch(/did not finish within 300 ms/);
  });

  it.each([
    ['a string', () => 'plain string thrown'],
    ['undefined', () => undefined],
    ['an object', () => ({ weird: true })],
    ['an Error whose message holds a NUL', () => new Error('bad\u0000value')],
  ])('records a handler that throws %s and dead-letters it', async (_, thrown) => {
    app.get(RecordingHandler).behaviour = () => {
      throw thrown();
    };
    const { body } = await postSigned(app, textMessage(4)).expect(200);
    await eventually(async () => (await status(body.id)) === 'dead', 20_000, 'the dead letter');
    const stored = await app.get(InboxRepository).findByDeliveryId(body.id);
    expect(stored?.attempts).toBe(3);
    expect(stored?.lastError).not.toContain('\u0000');
  });
});
