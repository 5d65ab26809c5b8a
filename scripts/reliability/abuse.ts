#!/usr/bin/env node
/**
 * Measures what abusive clients cost the service (results go into docs/RELIABILITY.md):
 * 1. peak memory while 50 clients each send a 10 MB unauthenticated body at once;
 * 2. valid deliveries' throughput and latency while a flood of bad signatures runs.
 *
 *   npm run bench:abuse -- [--clients 50] [--mb 10] [--seconds 10] [--flooders 64] [--senders 4]
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import { type ChildApp, log, percentile, sign, startChildApp, textMessage } from './child-app.js';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    mb: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '10' },
    flooders: { type: 'string', default: '64' },
    senders: { type: 'string', default: '4' },
  },
});
const CLIENTS = Number(values.clients);
const BODY = Buffer.alloc(Number(values.mb) * 1024 * 1024, 'x');
const SECONDS = Number(values.seconds);

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(app: ChildApp, headers: http.OutgoingHttpHeaders, body: Buffer | string, chunked = false): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port: app.port, method: 'POST', path: '/webhook', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(-1));
    if (!chunked) return void req.end(body);
    // No Content-Length: 64 kB chunks until the body is sent or the answer has come.
    let offset = 0;
    const bytes = Buffer.from(body);
    const pump = () => {
      while (offset < bytes.length) {
        const piece = bytes.subarray(offset, (offset += 64 * 1024));
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

function histogram(statuses: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${n}×${s === -1 ? 'reset' : s}`).join(', ');
}

async function greedy(app: ChildApp, name: string, headers: http.OutgoingHttpHeaders, chunked: boolean): Promise<void> {
  const before = app.rssMiB();
  app.resetPeak();
  const started = performance.now();
  const statuses = await Promise.all(Array.from({ length: CLIENTS }, () => post(app, { ...headers, ...(chunked ? {} : { 'content-length': BODY.length }) }, BODY, chunked)));
  const ms = performance.now() - started;
  const live = (await fetch(`${app.url}/health/live`)).status;
  log(`| ${name} | ${histogram(statuses)} | ${before.toFixed(0)} | ${app.peakMiB().toFixed(0)} | +${(app.peakMiB() - before).toFixed(0)} | ${ms.toFixed(0)} | ${live} |`);
}

interface Window {
  ok: number;
  other: number;
  latencies: number[];
}

async function sendValid(app: ChildApp, until: number, window: Window): Promise<void> {
  while (Date.now() < until) {
    const body = textMessage();
    const started = performance.now();
    const status = await post(app, { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) }, body);
    window.latencies.push(performance.now() - started);
    if (status === 200) window.ok += 1;
    else window.other += 1;
  }
}

async function flood(app: ChildApp, until: number, counter: { sent: number; statuses: number[] }): Promise<void> {
  const body = textMessage();
  const wrong = `sha256=${'0'.repeat(64)}`;
  while (Date.now() < until) {
    const status = await post(app, { 'content-type': 'application/json', 'x-hub-signature-256': wrong }, body);
    counter.sent += 1;
    if (counter.statuses.length < 10_000) counter.statuses.push(status);
  }
}

async function validRun(app: ChildApp, withFlood: boolean, print = true): Promise<void> {
  const until = Date.now() + SECONDS * 1000;
  const window: Window = { ok: 0, other: 0, latencies: [] };
  const flooded = { sent: 0, statuses: [] as number[] };
  const floods = withFlood ? Array.from({ length: Number(values.flooders) }, () => flood(app, until, flooded)) : [];
  await Promise.all([...Array.from({ length: Number(values.senders) }, () => sendValid(app, until, window)), ...floods]);
  const sorted = [...window.latencies].sort((a, b) => a - b);
  if (!print) return;
  log(
    `| ${withFlood ? `with ${values.flooders} flooders` : 'no flood'} | ${(window.ok / SECONDS).toFixed(0)} | ${window.other} | ` +
      `${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${(flooded.sent / SECONDS).toFixed(0)} | ${withFlood ? histogram(flooded.statuses) : '-'} |`,
  );
}

const app = await startChildApp();
try {
  // Warm up (JIT, SQLite pages, pools) so the figures are about the abuse, not the first requests.
  await validRun(app, false, false);
  log(`\n${CLIENTS} concurrent ${values.mb} MB bodies (body limit 1 MiB); memory in MiB (VmRSS before, VmHWM peak during)\n`);
  log('| scenario | answers | RSS before | peak | delta | ms | /health/live after |');
  log('|---|---|---|---|---|---|---|');
  await greedy(app, 'no signature, Content-Length', { 'content-type': 'application/json' }, false);
  await greedy(app, 'wrong signature, Content-Length', { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'a'.repeat(64)}` }, false);
  await greedy(app, 'no signature, chunked (no length)', { 'content-type': 'application/json' }, true);
  await greedy(app, 'wrong signature, chunked (no length)', { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'a'.repeat(64)}` }, true);

  log(`\nValid deliveries (${values.senders} sequential senders) for ${SECONDS} s, without and with a flood of well-formed wrong signatures\n`);
  log('| run | valid acknowledged/s | valid not 200 | p50 ms | p99 ms | invalid/s | invalid answers |');
  log('|---|---|---|---|---|---|---|');
  await validRun(app, false);
  await validRun(app, true);
} finally {
  await app.stop();
  agent.destroy();
}
