import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { message } from '../support/hostile-cases.js';
import { isLive, listenLocal, parseAnswer, postSignedRaw, unsafeAnswerProblems, UUID } from '../support/hostile-client.js';
import { eventually, startApp } from '../support/test-app.js';
import { RecordingHandler } from '../support/recording.handler.js';
import { send } from '../support/hostile-client.js';

const ADMIN_TOKEN = 'admin-token-0123456789abcdef';

/**
 * Values that JSON allows but a database may refuse: PostgreSQL `text` rejects U+0000, which a
 * signed body can carry in any string. Such an event must still be stored (2xx), never turned into
 * a 503 that the gateway would retry forever.
 */
describe.each(DATABASE_KINDS)('hostile values stored on %s', (kind) => {
  let db: TestDatabase;
  let app: INestApplication;
  let port: number;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await startApp({ DATABASE_URL: db.url, ADMIN_TOKEN });
    port = await listenLocal(app);
  });

  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const cases: [string, Record<string, any>][] = [
    ['device_id', message((b) => { b.device_id = 'dev\u0000ice@s.whatsapp.net'; })],
    ['chat_id', message((b) => { b.payload.chat_id = 'chat\u0000@s.whatsapp.net'; })],
    ['message id', message((b) => { b.payload.id = `${b.payload.id}\u0000`; })],
    ['message text', message((b) => { b.payload.body = 'a\u0000b'; })],
    ['event name of an unknown event', { event: 'weird\u0000event', device_id: 'd\u0000', payload: { n: 1 } }],
    ['a lone surrogate in chat_id', message((b) => { b.payload.chat_id = '\ud800@s.whatsapp.net'; })],
  ];

  it.each(cases)('accepts a NUL or odd code point in the %s', async (_, body) => {
    const answer = await postSignedRaw(port, JSON.stringify(body));
    expect({ status: answer.status, ack: parseAnswer(answer).status }).toEqual({ status: 200, ack: 'accepted' });
    expect(parseAnswer(answer).id).toMatch(UUID);
    expect(unsafeAnswerProblems(answer)).toEqual([]);
    expect(await isLive(port)).toBe(true);
  });

  it('dispatches a message whose text holds a NUL, with the text intact', async () => {
    const body = message((b) => { b.payload.body = 'before\u0000after'; });
    const answer = await postSignedRaw(port, JSON.stringify(body));
    expect(answer.status).toBe(200);
    const recorder = app.get(RecordingHandler);
    await eventually(() => recorder.received.some((r) => (r.event as { messageId?: string }).messageId === body.payload.id), 20_000, 'the message to be dispatched');
    const received = recorder.received.find((r) => (r.event as { messageId?: string }).messageId === body.payload.id)!;
    expect((received.event as { text?: string }).text).toBe('before\u0000after');
  });

  it.each([
    ['GET', '/admin/inbox?event=%00', 200],
    ['GET', '/admin/inbox?chat=a%00b', 200],
    ['GET', '/admin/inbox/%00', 404],
    ['POST', '/admin/inbox/%00/replay', 404],
  ])('admin %s %s with a NUL answers %i, not a 5xx', async (method, path, status) => {
    const answer = await send(port, { method, path, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
    expect(answer.status).toBe(status);
    expect(unsafeAnswerProblems(answer)).toEqual([]);
  });
});
