import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { IntakePressure } from '../src/inbox/index.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { loadFixture } from './support/fixtures.js';
import { RecordingHandler } from './support/recording.handler.js';
import { eventually, postSigned, startApp } from './support/test-app.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The dispatcher shares the event loop with the ack path: while more webhook requests than
 * DISPATCH_BURST_THRESHOLD wait for their answer it runs at most DISPATCH_BURST_CONCURRENCY
 * deliveries, and goes back to full concurrency once they are answered, or once the deliveries
 * it takes have waited longer than DISPATCH_BURST_MAX_DELAY_MS. Only requests arriving at
 * DISPATCH_BURST_MIN_RATE or faster make a burst: most tests set it to 0 (any rate), since a few
 * held requests arrive slowly.
 */
describe('Dispatcher during a burst of webhook requests (SQLite)', () => {
  let app: INestApplication;
  let database: TestDatabase;
  let held: http.ClientRequest[] = [];

  const start = async (maxDelayMs: number, minRate = 0) => {
    database = await createTestDatabase('sqlite');
    app = await startApp({
      DATABASE_URL: database.url,
      DISPATCH_CONCURRENCY: '8',
      DISPATCH_BURST_THRESHOLD: '3',
      DISPATCH_BURST_CONCURRENCY: '1',
      DISPATCH_BURST_MAX_DELAY_MS: String(maxDelayMs),
      DISPATCH_BURST_MIN_RATE: String(minRate),
    });
    await app.listen(0, '127.0.0.1');
  };
  afterEach(async () => {
    for (const request of held) request.destroy();
    await app.close();
    await database.drop();
  });

  /** A webhook request whose body never comes: it waits for its answer until destroyed. */
  const holdRequest = () => {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/webhook', headers: { 'Content-Length': '100', 'X-Hub-Signature-256': `sha256=${'0'.repeat(64)}` } });
    request.on('error', () => undefined);
    request.flushHeaders();
    return request;
  };
  const messagesInChats = (prefix: string, count: number) => {
    const fixture = loadFixture('01-') as { payload: Record<string, unknown> };
    return Array.from({ length: count }, (_, i) => ({ ...fixture, payload: { ...fixture.payload, id: `${prefix}-${i}`, chat_id: `62812000${prefix === 'burst' ? 1 : 2}${i}@s.whatsapp.net`, from: `62812000${prefix === 'burst' ? 1 : 2}${i}@s.whatsapp.net` } }));
  };

  /** Makes each delivery take `handlerMs()` and records the most that ran at once. */
  const trackConcurrency = (recorder: RecordingHandler, handlerMs: () => number) => {
    const seen = { running: 0, maxRunning: 0 };
    recorder.behaviour = async () => {
      seen.maxRunning = Math.max(seen.maxRunning, ++seen.running);
      await sleep(handlerMs());
      seen.running--;
    };
    return seen;
  };

  it('runs one delivery at a time while the burst lasts, and several at once after it', async () => {
    await start(60_000);
    const recorder = app.get(RecordingHandler);
    let handlerMs = 30;
    const seen = trackConcurrency(recorder, () => handlerMs);

    held = Array.from({ length: 5 }, holdRequest);
    await eventually(() => app.get(IntakePressure).waitingRequests >= 5, 5000, 'the held requests to wait');
    await Promise.all(messagesInChats('burst', 6).map((body) => postSigned(app, body).expect(200)));
    await eventually(() => recorder.received.length === 6, 10_000, 'the burst deliveries to be handled');
    expect(seen.maxRunning).toBe(1);

    for (const request of held) request.destroy();
    await eventually(() => !app.get(IntakePressure).inBurst, 5000, 'the burst to end');
    seen.maxRunning = 0;
    // One request at a time, so these do not make a burst of their own; slow handlers, so the
    // deliveries overlap if the dispatcher lets them.
    handlerMs = 200;
    for (const body of messagesInChats('calm', 6)) await postSigned(app, body).expect(200);
    await eventually(() => recorder.received.length === 12, 10_000, 'the later deliveries to be handled');
    expect(seen.maxRunning).toBeGreaterThan(1);
  });

  it('runs several at once during a burst once the deliveries it takes have waited past the bound', async () => {
    await start(150);
    const recorder = app.get(RecordingHandler);
    const seen = trackConcurrency(recorder, () => 100);
    held = Array.from({ length: 5 }, holdRequest);
    await eventually(() => app.get(IntakePressure).waitingRequests >= 5, 5000, 'the held requests to wait');
    // Eight deliveries one at a time would take 800 ms: the later ones would wait past 150 ms.
    await Promise.all(messagesInChats('burst', 8).map((body) => postSigned(app, body).expect(200)));
    await eventually(() => recorder.received.length === 8, 10_000, 'the burst deliveries to be handled');
    expect(app.get(IntakePressure).inBurst).toBe(true); // the held requests still wait
    expect(seen.maxRunning).toBeGreaterThan(1);
  });

  it('does not yield to requests that pile up while arriving slower than the burst rate', async () => {
    await start(60_000, 1_000);
    const recorder = app.get(RecordingHandler);
    const seen = trackConcurrency(recorder, () => 100);
    held = Array.from({ length: 5 }, holdRequest);
    await eventually(() => app.get(IntakePressure).waitingRequests >= 5, 5000, 'the held requests to wait');
    // The same pile-up as above, but at a few requests a second: a slow disk, not a burst.
    expect(app.get(IntakePressure).inBurst).toBe(false);
    await Promise.all(messagesInChats('burst', 8).map((body) => postSigned(app, body).expect(200)));
    await eventually(() => recorder.received.length === 8, 10_000, 'the deliveries to be handled');
    expect(seen.maxRunning).toBeGreaterThan(1);
  });
});
