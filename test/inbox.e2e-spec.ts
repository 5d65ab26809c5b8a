import type { INestApplication } from '@nestjs/common';
import type { MessageReceivedEvent } from '../src/events/index.js';
import { InboxDispatcher, InboxReplayService, InboxRepository } from '../src/inbox/index.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './support/databases.js';
import { textMessage } from './support/events.js';
import { RecordingHandler, SecondMessageHandler } from './support/recording.handler.js';
import { eventually, postSigned, startApp } from './support/test-app.js';

describe.each(DATABASE_KINDS)('durable inbox on %s', (kind) => {
  let database: TestDatabase;
  const apps: INestApplication[] = [];

  async function boot(env: Record<string, string> = {}): Promise<INestApplication> {
    const app = await startApp({ DATABASE_URL: database.url, ...env });
    apps.push(app);
    return app;
  }

  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await database.drop();
  });

  it('runs the handler once for a duplicate delivery', async () => {
    const app = await boot();
    const first = await postSigned(app, textMessage(1)).expect(200);
    const again = await postSigned(app, textMessage(1)).expect(200);
    expect(again.body).toEqual({ status: 'duplicate', id: first.body.id });
    await eventually(async () => (await app.get(InboxRepository).findByDeliveryId(first.body.id))?.status === 'done');
    expect(app.get(RecordingHandler).received).toHaveLength(1);
  });

  it('retries a handler that fails twice, without repeating the handler that succeeded', async () => {
    const app = await boot();
    let calls = 0;
    app.get(RecordingHandler).behaviour = () => {
      calls += 1;
      if (calls <= 2) throw new Error(`transient failure ${calls}`);
    };
    const { body } = await postSigned(app, textMessage(1)).expect(200);

    await eventually(async () => (await app.get(InboxRepository).findByDeliveryId(body.id))?.status === 'done');
    const stored = await app.get(InboxRepository).findByDeliveryId(body.id);
    expect(stored?.attempts).toBe(3);
    expect(calls).toBe(3);
    expect(app.get(RecordingHandler).received).toHaveLength(1);
    expect(app.get(SecondMessageHandler).received).toHaveLength(1);
  });

  it('runs a delivery whose claim committed but whose answer was lost well before its lease ends', async () => {
    const app = await boot({ INBOX_LEASE_MS: '120000' });
    // What a connection cut between PostgreSQL's commit and its answer looks like to the dispatcher.
    const repository = app.get(InboxRepository);
    const claim = repository.claim.bind(repository);
    let lost = 0;
    repository.claim = async (...args) => {
      const leased = await claim(...args);
      if (leased.length > 0 && lost === 0) {
        lost = leased.length;
        throw new Error('Connection terminated unexpectedly');
      }
      return leased;
    };
    const { body } = await postSigned(app, textMessage(1)).expect(200);
    await eventually(async () => (await repository.findByDeliveryId(body.id))?.status === 'done', 5000, 'the delivery to run before its lease ends');
    expect(lost).toBe(1);
    expect(app.get(RecordingHandler).received).toHaveLength(1);
  });

  it('dead-letters an event whose handler always fails, with the error', async () => {
    const app = await boot({ DISPATCH_MAX_ATTEMPTS: '3' });
    app.get(RecordingHandler).behaviour = () => {
      throw new Error('the CRM is down');
    };
    const { body } = await postSigned(app, textMessage(1)).expect(200);

    await eventually(async () => (await app.get(InboxRepository).findByDeliveryId(body.id))?.status === 'dead');
    const stored = await app.get(InboxRepository).findByDeliveryId(body.id);
    expect(stored?.attempts).toBe(3);
    expect(stored?.lastError).toContain('RecordingHandler.onMessage: Error: the CRM is down');
    expect(app.get(SecondMessageHandler).received).toHaveLength(1);
    expect((await app.get(InboxRepository).backlog()).dead).toBe(1);
  });

  it('replays a dead letter once the handler is fixed', async () => {
    const app = await boot({ DISPATCH_MAX_ATTEMPTS: '1' });
    const handler = app.get(RecordingHandler);
    handler.behaviour = () => {
      throw new Error('broken');
    };
    const { body } = await postSigned(app, textMessage(1)).expect(200);
    await eventually(async () => (await app.get(InboxRepository).findByDeliveryId(body.id))?.status === 'dead');

    handler.behaviour = () => undefined;
    expect(await app.get(InboxReplayService).replay([body.id])).toBe(1);
    await eventually(async () => (await app.get(InboxRepository).findByDeliveryId(body.id))?.status === 'done');
    expect(handler.received).toHaveLength(1);
    // The handler that had succeeded is not run again by the replay.
    expect(app.get(SecondMessageHandler).received).toHaveLength(1);
  });

  it('replays a processed event through every handler when asked', async () => {
    const app = await boot();
    const { body } = await postSigned(app, textMessage(1)).expect(200);
    await eventually(async () => (await app.get(InboxRepository).findByDeliveryId(body.id))?.status === 'done');
    await app.get(InboxReplayService).replay([body.id], { rerunSucceededHandlers: true });
    await eventually(() => app.get(SecondMessageHandler).received.length === 2);
    expect(app.get(RecordingHandler).received.map((r) => r.event.deliveryId)).toEqual([body.id, body.id]);
  });

  it('keeps arrival order within a chat while chats run concurrently', async () => {
    const app = await boot({ DISPATCH_CONCURRENCY: '8' });
    const handler = app.get(RecordingHandler);
    let running = 0;
    let maxRunning = 0;
    handler.behaviour = async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
      running -= 1;
    };
    const chats = ['a@s.whatsapp.net', 'b@s.whatsapp.net', 'c@g.us', 'd@s.whatsapp.net'];
    const perChat = 10;
    for (let n = 0; n < perChat; n += 1) {
      for (const chat of chats) await postSigned(app, textMessage(n, chat)).expect(200);
    }
    await eventually(() => handler.received.length === chats.length * perChat, 20_000);
    for (const chat of chats) {
      const order = handler.received
        .map((r) => r.event as MessageReceivedEvent)
        .filter((e) => e.chatId === chat)
        .map((e) => e.text);
      expect(order).toEqual(Array.from({ length: perChat }, (_, n) => `message ${n}`));
    }
    expect(maxRunning).toBeGreaterThan(1);
  });

  it('resumes at start what a previous run accepted but did not finish', async () => {
    const first = await boot({ DISPATCHER_ENABLED: 'false' });
    const accepted = [];
    for (let n = 0; n < 5; n += 1) accepted.push((await postSigned(first, textMessage(n)).expect(200)).body.id);
    expect((await first.get(InboxRepository).backlog()).pending).toBe(5);
    await first.close();
    apps.splice(apps.indexOf(first), 1);

    const second = await boot();
    await eventually(() => second.get(RecordingHandler).received.length === 5);
    expect(second.get(RecordingHandler).received.map((r) => r.event.deliveryId).sort()).toEqual([...accepted].sort());
  });

  it('reports the inbox and its backlog on /health/ready', async () => {
    const app = await boot({ DISPATCHER_ENABLED: 'false' });
    await postSigned(app, textMessage(1)).expect(200);
    const { default: request } = await import('supertest');
    const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.details.inbox).toMatchObject({ status: 'up', database: kind, pending: 1, dead: 0 });
    expect(response.body.details.inbox.oldestPendingAgeMs).toBeGreaterThanOrEqual(0);
  });

  it('stops claiming on shutdown and leaves unfinished work for the next start', async () => {
    const app = await boot();
    const dispatcher = app.get(InboxDispatcher);
    await dispatcher.stop(1000);
    const { body } = await postSigned(app, textMessage(1)).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(app.get(RecordingHandler).received).toHaveLength(0);
    expect((await app.get(InboxRepository).findByDeliveryId(body.id))?.status).toBe('pending');
  });
});
