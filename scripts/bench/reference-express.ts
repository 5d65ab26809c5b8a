import { createHmac, timingSafeEqual } from 'node:crypto';
import express from 'express';

/**
 * Reference receiver 2, what most people deploy: Express with a raw-body parser, HMAC check,
 * JSON.parse, 200. Stores nothing. Run as its own process by the bench (`PORT`, `SECRET`).
 */
const secret = process.env.SECRET ?? '';
const port = Number(process.env.PORT);

const app = express();
app.post('/webhook', express.raw({ type: '*/*', limit: '1mb' }), (req, res) => {
  const raw = req.body as Buffer;
  const header = req.get('x-hub-signature-256') ?? '';
  const given = Buffer.from(header.replace(/^sha256=/, ''), 'hex');
  const expected = createHmac('sha256', secret).update(raw).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    res.status(401).end();
    return;
  }
  try {
    JSON.parse(raw.toString('utf8'));
  } catch {
    res.status(400).end();
    return;
  }
  res.json({ status: 'accepted' });
});
app.listen(port, '127.0.0.1');
