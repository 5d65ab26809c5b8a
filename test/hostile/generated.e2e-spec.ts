import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { message } from '../support/hostile-cases.js';
import { type Answer, isLive, listenLocal, parseAnswer, postSignedRaw, prototypeIsClean, send, unsafeAnswerProblems, UUID } from '../support/hostile-client.js';
import { startApp } from '../support/test-app.js';
import { wrongTypeCases } from '../support/wrong-type-cases.js';

/**
 * Generated hostile input against one running app: every field of every event kind with a wrong
 * type, and fast-check properties over arbitrary JSON, arbitrary bytes and mutated messages.
 * Signed JSON is always stored and acknowledged (unrecognised shapes are kept, not refused).
 */
describe('generated hostile bodies', () => {
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

  /** Signed JSON: 200 with a delivery id; "duplicate" when the change left the event's identity as it was. */
  async function expectAcknowledged(answer: Answer): Promise<void> {
    const body = parseAnswer(answer);
    expect(answer.status).toBe(200);
    expect(['accepted', 'duplicate']).toContain(body.status);
    expect(body.id).toMatch(UUID);
    expect(unsafeAnswerProblems(answer)).toEqual([]);
    expect(prototypeIsClean()).toBe(true);
    expect(await isLive(port)).toBe(true);
  }

  describe('wrong types in every field of every event kind', () => {
    it.each(wrongTypeCases().map((c) => [c.name, c.body] as const))('%s', async (_, body) => {
      await expectAcknowledged(await postSignedRaw(port, body));
    });
  });

  const RUNS = 100;

  it(`acknowledges ${RUNS} arbitrary signed JSON values`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 8 }), async (value) => {
        await expectAcknowledged(await postSignedRaw(port, JSON.stringify(value)));
      }),
      { numRuns: RUNS },
    );
  });

  it(`acknowledges ${RUNS} messages with a random field set to random JSON`, async () => {
    const keys = fc.constantFrom('event', 'device_id', 'timestamp', 'payload', 'payload.id', 'payload.chat_id', 'payload.from', 'payload.body', 'payload.timestamp', 'payload.is_from_me', 'payload.image', 'payload.reply_to', '__proto__', 'payload.__proto__');
    await fc.assert(
      fc.asyncProperty(keys, fc.jsonValue({ maxDepth: 4 }), async (path, value) => {
        const raw = JSON.stringify(message()).replace(/^\{/, '{"zz":0,');
        const parsed = JSON.parse(raw) as Record<string, any>;
        const [head, tail] = path.split('.') as [string, string | undefined];
        // JSON text, not object assignment, so "__proto__" arrives as an own key exactly as an attacker sends it.
        const body = tail === undefined
          ? raw.replace('{"zz":0,', () => `{"zz":0,${JSON.stringify(head)}:${JSON.stringify(value)},`)
          : JSON.stringify({ ...parsed, payload: parsed.payload }).replace('"payload":{', () => `"payload":{${JSON.stringify(tail)}:${JSON.stringify(value)},`);
        await expectAcknowledged(await postSignedRaw(port, body));
      }),
      { numRuns: RUNS },
    );
  });

  it(`answers ${RUNS} arbitrary signed byte strings with 200, 400 INVALID_JSON or 400 EMPTY_BODY`, async () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const isJson = (bytes: Uint8Array) => {
      try {
        JSON.parse(strict.decode(bytes));
        return true;
      } catch {
        return false;
      }
    };
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }).map((s) => new TextEncoder().encode(s)));
    await fc.assert(
      fc.asyncProperty(bytes, async (array) => {
        const buffer = Buffer.from(array);
        const answer = await postSignedRaw(port, buffer);
        if (buffer.length === 0) expect([answer.status, parseAnswer(answer).code]).toEqual([400, 'EMPTY_BODY']);
        else if (isJson(array)) await expectAcknowledged(answer);
        else expect([answer.status, parseAnswer(answer).code]).toEqual([400, 'INVALID_JSON']);
        expect(unsafeAnswerProblems(answer, [])).toEqual([]);
        expect(await isLive(port)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it(`refuses ${RUNS} arbitrary signature header values, by their exact code`, async () => {
    const header = fc.string({ unit: fc.constantFrom(...'sha256=0123456789abcdefABCDEF xyz,;:\t-_'.split('')), maxLength: 80 });
    await fc.assert(
      fc.asyncProperty(header, async (value) => {
        const body = JSON.stringify(message());
        const answer = await send(port, { body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': value } });
        // Node drops leading/trailing whitespace from a header value (RFC 9110 §5.5), as any proxy would.
        const seen = value.trim();
        const code = seen === '' ? 'SIGNATURE_MISSING' : /^sha256=[0-9a-f]{64}$/.test(seen) ? 'SIGNATURE_MISMATCH' : 'SIGNATURE_MALFORMED';
        expect([answer.status, parseAnswer(answer).code]).toEqual([401, code]);
        expect(unsafeAnswerProblems(answer, [value.length > 8 ? value : '', 'CANARY-7f3a9c'])).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it(`refuses ${RUNS / 2} well-formed signatures that do not match`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[0-9a-f]{64}$/), async (hex) => {
        const body = JSON.stringify(message());
        const answer = await send(port, { body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${hex}` } });
        expect([answer.status, parseAnswer(answer).code]).toEqual([401, 'SIGNATURE_MISMATCH']);
        expect(answer.text).not.toContain(hex);
      }),
      { numRuns: RUNS / 2 },
    );
  });
});
