import type { INestApplication } from '@nestjs/common';
import { CHAT, chatMessage } from './support/chat-events.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './support/databases.js';
import { FakeHttpServer, gatewaySuccess, type Reply } from './support/fake-http-server.js';
import { settled } from './support/feature-app.js';
import { postSigned, startApp } from './support/test-app.js';

const APOLOGY = 'Sorry, no translation right now.';
const down: Reply = { status: 503, body: { error: 'overloaded' } };
const translated = (text: string): Reply => ({ status: 200, body: { translatedText: text } });

describe.each(DATABASE_KINDS)('translation (%s)', (kind) => {
  let database: TestDatabase;
  let gateway: FakeHttpServer;
  let translator: FakeHttpServer;
  let app: INestApplication | undefined;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    gateway = new FakeHttpServer(gatewaySuccess);
    translator = new FakeHttpServer(() => translated('hola'));
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await Promise.all([gateway.stop(), translator.stop()]);
    await database.drop();
  });

  async function boot(env: Record<string, string> = {}): Promise<void> {
    app = await startApp({
      DATABASE_URL: database.url,
      TRANSLATION_ENABLED: 'true',
      TRANSLATION_API_URL: `${await translator.start()}/translate`,
      TRANSLATION_API_KEY: 'translation-key',
      TRANSLATION_MAX_ATTEMPTS: '3',
      TRANSLATION_APOLOGY: APOLOGY,
      DISPATCH_MAX_ATTEMPTS: '5',
      GOWA_BASE_URL: await gateway.start(),
      ...env,
    });
  }

  async function deliver(body: object): Promise<string> {
    const answer = await postSigned(app!, body).expect(200);
    return settled(app!, answer.body.id);
  }

  const replies = () => gateway.to('/send/message').map((r) => r.body);

  it('translates to the requested language and replies once, quoting the command, after showing typing', async () => {
    await boot();
    expect(await deliver(chatMessage('TR-1', '/translate es good morning'))).toBe('done');

    expect(translator.requests).toHaveLength(1);
    expect(translator.requests[0]).toMatchObject({ method: 'POST', path: '/translate' });
    expect(translator.requests[0]!.body).toEqual({ q: 'good morning', source: 'auto', target: 'es', format: 'text', api_key: 'translation-key' });
    expect(gateway.requests.map((r) => r.path)).toEqual(['/send/chat-presence', '/send/message']);
    expect(gateway.requests[0]!.body).toEqual({ phone: CHAT, action: 'start' });
    expect(replies()).toEqual([{ phone: CHAT, message: 'hola', reply_message_id: 'TR-1' }]);
  });

  it('uses the default target when the first word is not a language code', async () => {
    await boot({ TRANSLATION_DEFAULT_TARGET: 'de' });
    await deliver(chatMessage('TR-1', '/Translate is this ok'));
    expect(translator.requests[0]!.body).toMatchObject({ q: 'is this ok', target: 'de' });
  });

  it('retries while the API is down and replies once with the translation when it returns', async () => {
    translator.respond = (_req, n) => (n <= 2 ? down : translated('bonjour'));
    await boot();
    expect(await deliver(chatMessage('TR-1', '/translate fr hello'))).toBe('done');
    expect(translator.requests).toHaveLength(3);
    expect(replies()).toEqual([{ phone: CHAT, message: 'bonjour', reply_message_id: 'TR-1' }]);
  });

  it('apologises once, after TRANSLATION_MAX_ATTEMPTS failures, when the API stays down', async () => {
    translator.respond = () => down;
    await boot();
    expect(await deliver(chatMessage('TR-1', '/translate fr hello'))).toBe('done');
    expect(translator.requests).toHaveLength(3);
    expect(replies()).toEqual([{ phone: CHAT, message: APOLOGY, reply_message_id: 'TR-1' }]);
  });

  it('apologises at once when the API refuses the request (a retry cannot help)', async () => {
    translator.respond = () => ({ status: 400, body: { error: 'target language not supported' } });
    await boot();
    await deliver(chatMessage('TR-1', '/translate es hello'));
    expect(translator.requests).toHaveLength(1);
    expect(replies()).toEqual([{ phone: CHAT, message: APOLOGY, reply_message_id: 'TR-1' }]);
  });

  it('sends the reply again only after the gateway refused it, so the chat gets exactly one', async () => {
    let sends = 0;
    gateway.respond = (req, n) => (req.path === '/send/message' && ++sends === 1 ? { status: 502, body: {} } : gatewaySuccess(req, n));
    await boot();
    expect(await deliver(chatMessage('TR-1', '/translate es hello'))).toBe('done');
    // The first send was refused (nothing sent), the retry's send succeeded; no third one.
    expect(replies()).toEqual([
      { phone: CHAT, message: 'hola', reply_message_id: 'TR-1' },
      { phone: CHAT, message: 'hola', reply_message_id: 'TR-1' },
    ]);
  });

  it('answers its usage for an empty command and nothing for its own messages', async () => {
    await boot();
    await deliver(chatMessage('OWN-1', '/translate es hello', { fromMe: true }));
    await deliver(chatMessage('TR-2', '/translate'));
    expect(translator.requests).toEqual([]);
    expect(replies()).toEqual([{ phone: CHAT, message: 'Usage: /translate [language] <text>', reply_message_id: 'TR-2' }]);
  });
});
