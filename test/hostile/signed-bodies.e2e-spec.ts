import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { SIGNED_BODY_CASES, type HostileCase } from '../support/hostile-cases.js';
import { isLive, listenLocal, parseAnswer, postSignedRaw, prototypeIsClean, unsafeAnswerProblems, UUID } from '../support/hostile-client.js';
import { startApp } from '../support/test-app.js';

/**
 * Hand-picked hostile bodies, correctly signed so they reach the parser, against one running app.
 * Each case: the exact status and code (or "accepted" with a delivery id), a safe JSON answer,
 * no prototype pollution, and the app still live afterwards.
 */
describe('hostile signed bodies', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let port: number;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    app = await startApp({ DATABASE_URL: db.url });
    port = await listenLocal(app);
  });

  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  async function check(hostile: HostileCase): Promise<void> {
    const answer = await postSignedRaw(port, hostile.body, hostile.headers);
    const body = parseAnswer(answer);
    if ('code' in hostile.expect) {
      expect({ status: answer.status, code: body.code }).toEqual({ status: hostile.expect.status, code: hostile.expect.code });
    } else {
      expect({ status: answer.status, ack: body.status }).toEqual({ status: 200, ack: 'accepted' });
      expect(body.id).toMatch(UUID);
    }
    expect(unsafeAnswerProblems(answer)).toEqual([]);
    expect(prototypeIsClean()).toBe(true);
    expect(await isLive(port)).toBe(true);
  }

  describe.each(Object.entries(SIGNED_BODY_CASES))('%s', (_, cases) => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, hostile) => check(hostile));
  });
});
