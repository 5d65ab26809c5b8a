import http from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { LIMIT, message } from '../support/hostile-cases.js';
import { isLive, listenLocal, prototypeIsClean } from '../support/hostile-client.js';
import { chunk, LAST_CHUNK, RawClient, requestHead, sleep } from '../support/raw-client.js';
import { startApp } from '../support/test-app.js';

/**
 * HTTP-level abuse over raw sockets against one listening app: bodies without a length, bad
 * framing, bodies over the limit (answered before they are sent), unsigned requests (answered
 * before their body), slow headers and slow bodies (cut off by the server's deadlines).
 */
describe('hostile transport', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let port: number;
  const clients: RawClient[] = [];
  const connect = async () => {
    const client = await RawClient.connect(port);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    app = await startApp({ DATABASE_URL: db.url, HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '3000' });
    port = await listenLocal(app);
  });

  afterEach(async () => {
    clients.splice(0).forEach((client) => client.destroy());
    expect(prototypeIsClean()).toBe(true);
    expect(await isLive(port)).toBe(true);
  });

  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  describe('framing', () => {
    it('accepts a signed chunked body without a Content-Length', async () => {
      const body = JSON.stringify(message());
      const client = await connect();
      await client.write(requestHead({ 'Transfer-Encoding': 'chunked', 'Content-Type': 'application/json' }, body));
      await client.write(Buffer.concat([chunk(body.slice(0, 50)), chunk(body.slice(50)), Buffer.from(LAST_CHUNK)]));
      await client.waitFor((c) => c.bodies.length === 1);
      expect([client.statuses, client.bodies[0]!.status]).toEqual([[200], 'accepted']);
    });

    it('accepts a signed body sent one byte per chunk', async () => {
      const body = JSON.stringify(message());
      const client = await connect();
      await client.write(requestHead({ 'Transfer-Encoding': 'chunked' }, body));
      await client.write(Buffer.concat([...[...Buffer.from(body)].map((byte) => chunk(Buffer.from([byte]))), Buffer.from(LAST_CHUNK)]));
      await client.waitFor((c) => c.bodies.length === 1);
      expect([client.statuses, client.bodies[0]!.status]).toEqual([[200], 'accepted']);
    });

    it('answers two pipelined requests on one connection in order', async () => {
      const [first, second] = [JSON.stringify(message()), JSON.stringify(message())];
      const client = await connect();
      await client.write(`${requestHead({ 'Content-Length': first.length }, first)}${first}${requestHead({ 'Content-Length': second.length }, second)}${second}`);
      await client.waitFor((c) => c.bodies.length === 2);
      expect(client.statuses).toEqual([200, 200]);
    });

    it.each([
      ['an invalid chunk size', (b: string) => `${requestHead({ 'Transfer-Encoding': 'chunked' }, b)}zz\r\n${b}\r\n${LAST_CHUNK}`],
      ['both Content-Length and Transfer-Encoding', (b: string) => `${requestHead({ 'Content-Length': b.length, 'Transfer-Encoding': 'chunked' }, b)}${chunk(b).toString()}${LAST_CHUNK}`],
      ['a non-numeric Content-Length', (b: string) => `${requestHead({ 'Content-Length': 'abc' }, b)}${b}`],
      ['a negative Content-Length', (b: string) => `${requestHead({ 'Content-Length': -1 }, b)}${b}`],
      ['two different Content-Lengths', (b: string) => requestHead({ 'Content-Length': b.length }, b).replace('\r\n\r\n', `\r\nContent-Length: ${b.length + 1}\r\n\r\n`) + b],
      ['a request line that is not HTTP', () => 'HELLO THERE\r\n\r\n'],
      ['a header line without a colon', (b: string) => requestHead({ 'Content-Length': b.length }, b).replace('\r\n\r\n', '\r\nnot a header\r\n\r\n') + b],
      ['a NUL byte in a header', (b: string) => requestHead({ 'Content-Length': b.length, 'X-Odd': 'a\u0000b' }, b) + b],
      ['an unknown transfer coding', (b: string) => `${requestHead({ 'Transfer-Encoding': 'gzip, chunked2' }, b)}${b}`],
    ])('answers 400 BAD_REQUEST (JSON) and closes for %s', async (_, build) => {
      const client = await connect();
      await client.write(build(JSON.stringify(message())));
      await client.waitFor((c) => c.closed);
      expect(client.statuses).toEqual([400]);
      expect(client.bodies).toEqual([{ code: 'BAD_REQUEST', message: 'The request is not valid HTTP.' }]);
    });

    it('answers 431 HEADERS_TOO_LARGE for 20 kB of headers', async () => {
      const client = await connect();
      await client.write(requestHead({ 'X-Pad': 'p'.repeat(20_000), 'Content-Length': 2 }) + '{}');
      await client.waitFor((c) => c.closed);
      expect([client.statuses, client.bodies[0]?.code]).toEqual([[431], 'HEADERS_TOO_LARGE']);
    });

    it('survives a client that declares a length, sends part of it and hangs up', async () => {
      const body = JSON.stringify(message());
      const client = await connect();
      await client.write(requestHead({ 'Content-Length': body.length + 100 }, body) + body);
      client.destroy();
      await sleep(100);
    });
  });

  describe('over the limit', () => {
    it('answers 413 to a Content-Length over the limit before any of the body is sent', async () => {
      const client = await connect();
      await client.write(requestHead({ 'Content-Length': 10 * LIMIT }, 'x'));
      await client.waitFor((c) => c.bodies.length === 1);
      expect([client.statuses, client.bodies[0]!.code]).toEqual([[413], 'PAYLOAD_TOO_LARGE']);
    });

    it('answers 413 to a chunked body as soon as it passes the limit, while the client is still sending', async () => {
      const client = await connect();
      await client.write(requestHead({ 'Transfer-Encoding': 'chunked' }, 'x'));
      const piece = chunk(Buffer.alloc(64 * 1024, 'a'));
      for (let sent = 0; sent <= LIMIT + piece.length; sent += piece.length) await client.write(piece);
      await client.waitFor((c) => c.bodies.length === 1);
      expect([client.statuses, client.bodies[0]!.code]).toEqual([[413], 'PAYLOAD_TOO_LARGE']);
      // The rest is read and dropped; the connection then serves the next request.
      await client.write(Buffer.concat([piece, Buffer.from(LAST_CHUNK)]));
      const next = JSON.stringify(message());
      await client.write(requestHead({ 'Content-Length': next.length }, next) + next);
      await client.waitFor((c) => c.bodies.length === 2);
      expect(client.statuses).toEqual([413, 200]);
    });
  });

  describe('unsigned requests are refused before their body is read', () => {
    it.each([
      ['no signature header', {}, 'SIGNATURE_MISSING'],
      ['a malformed signature header', { 'X-Hub-Signature-256': 'sha1=abc' }, 'SIGNATURE_MALFORMED'],
    ])('answers 401 to %s with the body still unsent', async (_, headers, code) => {
      const client = await connect();
      await client.write(requestHead({ ...headers, 'Content-Length': 500_000 }));
      await client.waitFor((c) => c.bodies.length === 1);
      expect([client.statuses, client.bodies[0]!.code]).toEqual([[401], code]);
      // The body, when it comes, is dropped; the connection stays usable.
      await client.write(Buffer.alloc(500_000, 'x'));
      const next = JSON.stringify(message());
      await client.write(requestHead({ 'Content-Length': next.length }, next) + next);
      await client.waitFor((c) => c.bodies.length === 2);
      expect(client.statuses).toEqual([401, 200]);
    });

    it('waits for the body when the signature is well-formed (the HMAC needs it), then answers 401 SIGNATURE_MISMATCH', async () => {
      const client = await connect();
      await client.write(requestHead({ 'Content-Length': 2, 'X-Hub-Signature-256': `sha256=${'0'.repeat(64)}` }));
      await sleep(300);
      expect(client.statuses).toEqual([]);
      await client.write('{}');
      await client.waitFor((c) => c.bodies.length === 1);
      expect([client.statuses, client.bodies[0]!.code]).toEqual([[401], 'SIGNATURE_MISMATCH']);
    });
  });

  describe('slow clients', () => {
    it('cuts off a client that trickles its headers (408 REQUEST_TIMEOUT, connection closed)', async () => {
      const client = await connect();
      await client.write('POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      // 60 header lines, one every 250 ms: 15 s if allowed; the headers deadline is 1 s.
      for (let i = 0; i < 60 && !client.closed; i++) {
        await client.write(`X-Slow-${i}: 1\r\n`);
        await sleep(250);
      }
      expect(client.closed).toBe(true);
      expect([client.statuses, client.bodies[0]?.code]).toEqual([[408], 'REQUEST_TIMEOUT']);
    }, 30_000);

    it('cuts off a client that trickles its body (408 REQUEST_TIMEOUT, connection closed)', async () => {
      const body = JSON.stringify(message());
      const client = await connect();
      await client.write(requestHead({ 'Content-Length': body.length }, body));
      // One byte every 100 ms would take far longer than the 3 s request deadline.
      for (let i = 0; i < body.length && !client.closed; i++) {
        await client.write(body[i]!);
        await sleep(100);
      }
      expect(client.closed).toBe(true);
      expect([client.statuses, client.bodies[0]?.code]).toEqual([[408], 'REQUEST_TIMEOUT']);
    }, 60_000);

    it('closes a connection that opens and sends nothing (408 REQUEST_TIMEOUT)', async () => {
      const client = await connect();
      await client.waitFor((c) => c.closed, 20_000);
      expect([client.statuses, client.bodies[0]?.code]).toEqual([[408], 'REQUEST_TIMEOUT']);
    }, 30_000);

    it('keeps an idle keep-alive connection open past the headers deadline, for the next request', async () => {
      const [first, second] = [JSON.stringify(message()), JSON.stringify(message())];
      const client = await connect();
      await client.write(requestHead({ 'Content-Length': first.length }, first) + first);
      await client.waitFor((c) => c.bodies.length === 1);
      await sleep(2500);
      expect(client.closed).toBe(false);
      await client.write(requestHead({ 'Content-Length': second.length }, second) + second);
      await client.waitFor((c) => c.bodies.length === 2);
      expect(client.statuses).toEqual([200, 200]);
    }, 30_000);
  });

  describe('greedy clients', () => {
    const TEN_MB = Buffer.alloc(10 * 1024 * 1024, 'x');
    const post = (headers: http.OutgoingHttpHeaders) =>
      new Promise<number>((resolve) => {
        const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/webhook', headers: { 'Content-Length': TEN_MB.length, ...headers }, agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        // The server may answer and move on before the whole upload is taken: that is the point.
        req.on('error', () => resolve(-1));
        req.end(TEN_MB);
      });

    it('answers 50 concurrent unsigned 10 MB bodies with 401 each, and stays up', async () => {
      const statuses = await Promise.all(Array.from({ length: 50 }, () => post({})));
      expect(statuses).toEqual(Array(50).fill(401));
    }, 60_000);

    it('answers 50 concurrent 10 MB bodies with a well-formed but wrong signature with 413 each, and stays up', async () => {
      const statuses = await Promise.all(Array.from({ length: 50 }, () => post({ 'X-Hub-Signature-256': `sha256=${'a'.repeat(64)}` })));
      expect(statuses).toEqual(Array(50).fill(413));
    }, 60_000);
  });
});
