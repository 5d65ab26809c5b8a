import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { MessageReceivedEvent } from '../src/events/index.js';
import { InboxRepository } from '../src/inbox/index.js';
import { createTestDatabase, TEST_POSTGRES_URL, TEST_REDIS_URL, type TestDatabase } from './support/databases.js';
import { textMessage } from './support/events.js';
import { RecordingHandler } from './support/recording.handler.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { eventually, postSigned, startApp } from './support/test-app.js';

/**
 * Outages in the middle of a stream of deliveries, with senders that behave like the gateway
 * (retry the same bytes until a 2xx). No event may be acknowledged without being stored, every
 * one ends up processed exactly once, and the service recovers by itself.
 */
describe('outages under load', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let proxy: TcpProxy;

  afterEach(async () => {
    await app?.close();
    await proxy?.cut();
    await database?.drop();
  });

  /** A fresh PostgreSQL schema reached through a TCP proxy the test can cut; returns the proxy's port. */
  async function postgresBehindProxy(): Promise<number> {
    database = await createTestDatabase('postgres');
    proxy = new TcpProxy('127.0.0.1', Number(new URL(TEST_POSTGRES_URL).port || 5432));
    return proxy.start();
  }

  const proxiedUrl = (port: number) => {
    const url = new URL(database.url);
    url.port = String(port);
    return url.toString();
  };

  /** Sends events 0..total-1 with `concurrency` senders, each retrying an event until it is acknowledged. */
  async function stream(total: number, concurrency: number, during: (sent: number) => Promise<void>) {
    const answers: number[] = [];
    const acknowledged = new Map<number, string>();
    let next = 0;
    let outageDone = false;
    const sender = async () => {
      while (next < total) {
        const n = next++;
        if (n === Math.floor(total / 4) && !outageDone) {
          outageDone = true;
          void during(n);
        }
        for (;;) {
          const response = await postSigned(app, textMessage(n, `chat-${n % 7}@s.whatsapp.net`));
          answers.push(response.status);
          if (response.status === 200) {
            acknowledged.set(n, response.body.id as string);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, sender));
    return { answers, acknowledged };
  }

  it('answers only 503 while PostgreSQL is down mid-stream, never acknowledges an unstored event, and processes each once after', async () => {
    const port = await postgresBehindProxy();
    // The default 120 s lease: a delivery whose result could not be written during the outage must
    // not wait for it, the dispatcher hands it back as soon as the database answers.
    app = await startApp({ DATABASE_URL: proxiedUrl(port), HANDLER_TIMEOUT_MS: '1000' });

    const { answers, acknowledged } = await stream(200, 8, async () => {
      await proxy.cut();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await proxy.start(port);
    });

    expect(answers.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(answers.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(acknowledged.size).toBe(200);
    const repository = app.get(InboxRepository);
    for (const id of acknowledged.values()) expect(await repository.findByDeliveryId(id)).toBeDefined();
    const recorder = app.get(RecordingHandler);
    const ids = () => recorder.received.map((r) => (r.event as MessageReceivedEvent).messageId);
    await eventually(() => new Set(ids()).size >= 200, 30_000, 'every event to be processed');
    expect(new Set(ids()).size).toBe(200);
    // At least once: only a delivery in flight when its outcome could not be recorded runs again
    // (at most the dispatcher's concurrency); every other runs exactly once.
    expect(ids().length - 200).toBeLessThanOrEqual(16);
    process.stdout.write(`db outage under load: ${answers.filter((s) => s === 503).length} × 503, ${ids().length - 200} handler re-run(s)\n`);
    await request(app.getHttpServer()).get('/health/ready').expect(200);
  }, 90_000);

  it('runs a delivery again as soon as PostgreSQL answers when its result could not be written, not after the lease', async () => {
    const port = await postgresBehindProxy();
    app = await startApp({ DATABASE_URL: proxiedUrl(port), INBOX_LEASE_MS: '120000' });
    const recorder = app.get(RecordingHandler);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    recorder.behaviour = async () => {
      if (++calls === 1) await gate;
    };

    const answer = await postSigned(app, textMessage(1)).expect(200);
    await eventually(() => calls === 1, 20_000, 'the handler to start');
    // The handler finishes while the database is unreachable: its outcome cannot be written.
    await proxy.cut();
    release();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await proxy.start(port);

    const repository = app.get(InboxRepository);
    await eventually(async () => (await repository.findByDeliveryId(answer.body.id))?.status === 'done', 20_000, 'the delivery to be done well before its 120 s lease');
    expect(calls).toBe(2);
  }, 60_000);

  it('keeps acknowledging and deduplicating while Redis is down mid-stream, says so on readiness, and recovers', async () => {
    database = await createTestDatabase('sqlite');
    proxy = new TcpProxy('127.0.0.1', Number(new URL(TEST_REDIS_URL).port || 6379));
    const port = await proxy.start();
    app = await startApp({ DATABASE_URL: database.url, DEDUPE_STORE: 'redis', REDIS_URL: `redis://127.0.0.1:${port}` });
    const readiness = async () => (await request(app.getHttpServer()).get('/health/ready')).body.details?.dedupe as { degraded?: boolean } | undefined;
    let degradedSeen = false;

    const { answers, acknowledged } = await stream(120, 6, async () => {
      await proxy.cut();
      // A redelivery while Redis is away is still recognised (by the database's unique key).
      const first = await postSigned(app, textMessage(9_999)).expect(200);
      const again = await postSigned(app, textMessage(9_999)).expect(200);
      expect(again.body).toEqual({ status: 'duplicate', id: first.body.id });
      await eventually(async () => (degradedSeen = (await readiness())?.degraded === true), 20_000, 'readiness to report the degraded dedupe store');
      await proxy.start(port);
    });

    expect(degradedSeen).toBe(true);
    expect(answers.filter((s) => s !== 200)).toEqual([]);
    expect(acknowledged.size).toBe(120);
    // Back: a redelivery of an event acknowledged during the stream is a duplicate.
    await eventually(async () => {
      const dedupe = await readiness();
      return dedupe !== undefined && dedupe.degraded === undefined;
    }, 20_000, 'the dedupe store to recover');
    const again = await postSigned(app, textMessage(3, 'chat-3@s.whatsapp.net')).expect(200);
    expect(again.body).toEqual({ status: 'duplicate', id: acknowledged.get(3) });
    await eventually(() => app.get(RecordingHandler).received.length >= 121, 30_000, 'every event to be processed');
    const ids = app.get(RecordingHandler).received.map((r) => (r.event as MessageReceivedEvent).messageId);
    expect(new Set(ids).size).toBe(ids.length);
  }, 90_000);
});
