import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

/**
 * Reference receiver 1, the limit for Node: bare `node:http`, HMAC over the raw bytes, JSON.parse,
 * 200. Stores nothing. Run as its own process by the bench (`PORT`, `SECRET`).
 */
const secret = process.env.SECRET ?? '';
const port = Number(process.env.PORT);

function verified(raw: Buffer, header: string | undefined): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice(7), 'hex');
  const expected = createHmac('sha256', secret).update(raw).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    if (req.method !== 'POST' || !verified(raw, req.headers['x-hub-signature-256'] as string | undefined)) {
      res.writeHead(401).end();
      return;
    }
    try {
      JSON.parse(raw.toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
  });
}).listen(port, '127.0.0.1');
