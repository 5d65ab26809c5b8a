import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { benchHandlerModules } from '../scripts/bench/app/bench-handlers.js';
import { ADMIN_TEST_TOKEN } from './support/admin-app.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { textMessage } from './support/events.js';
import { eventually, postSigned, startApp } from './support/test-app.js';

/** More handlers of one event than EventEmitter2's default cap of 10 listeners. */
const HANDLERS = 12;

interface HandlerOutcome {
  readonly handler: string;
  readonly status: string;
  readonly attempts: number;
}

describe('many handler modules on one event', () => {
  let database: TestDatabase;
  let app: INestApplication | undefined;
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    process.on('warning', onWarning);
  });

  afterAll(async () => {
    process.off('warning', onWarning);
    await app?.close();
    await database.drop();
  });

  it('runs every one of them, with no memory-leak warning at boot', async () => {
    // The bench's no-op handler modules: each subscribes to every event, so all 12 handle a message.
    app = await startApp({ DATABASE_URL: database.url, ADMIN_TOKEN: ADMIN_TEST_TOKEN }, benchHandlerModules(HANDLERS));
    const accepted = await postSigned(app, textMessage(1));
    expect(accepted.status).toBe(200);
    const deliveryId = (accepted.body as { id: string }).id;
    let outcomes: HandlerOutcome[] = [];
    await eventually(async () => {
      const detail = await request(app!.getHttpServer()).get(`/admin/inbox/${deliveryId}`).set('Authorization', `Bearer ${ADMIN_TEST_TOKEN}`);
      outcomes = (detail.body as { status: string; handlers: HandlerOutcome[] }).status === 'done' ? detail.body.handlers : [];
      return outcomes.length > 0;
    }, 10_000, 'the message to be processed');
    const benchOutcomes = outcomes.filter((outcome) => outcome.handler.startsWith('BenchHandler')).sort((a, b) => a.handler.localeCompare(b.handler, 'en', { numeric: true }));
    expect(benchOutcomes).toEqual(
      Array.from({ length: HANDLERS }, (_, index) => ({ handler: `BenchHandler${index + 1}.onMessageReceived`, status: 'succeeded', attempts: 1 })).map((expected) => expect.objectContaining(expected)),
    );
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  }, 30_000);
});
