#!/usr/bin/env node
/**
 * Steady load against the compiled service for a while; prints memory and latency every
 * interval and, at the end, the RSS and heap slopes (least squares, after a warm-up) so
 * unbounded growth shows as a clearly positive MiB/min.
 *
 *   npm run soak -- [--minutes 10] [--rate 100] [--interval 10] [--invalid-share 0.1]
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import { type ChildApp, log, percentile, sign, slope, startChildApp, textMessage } from './child-app.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '100' },
    interval: { type: 'string', default: '10' },
    'invalid-share': { type: 'string', default: '0.1' },
  },
});
const DURATION_MS = Number(values.minutes) * 60_000;
const RATE = Number(values.rate);
const INTERVAL_MS = Number(values.interval) * 1000;
const INVALID_SHARE = Number(values['invalid-share']);

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(app: ChildApp, body: string, signature: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port: app.port, method: 'POST', path: '/webhook', agent, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(-1));
    req.end(body);
  });
}

/** The service's own heap figure, from its Prometheus metrics. */
async function heapUsedMiB(app: ChildApp): Promise<number> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const match = /^nodejs_heap_size_used_bytes\s+([\d.e+]+)/m.exec(text);
  return match ? Number(match[1]) / 1024 / 1024 : Number.NaN;
}

const app = await startChildApp({ RETENTION_PROCESSED_HOURS: '1' });
const started = Date.now();
const samples: { minute: number; rss: number; heap: number }[] = [];
let latencies: number[] = [];
let ok = 0;
let refused = 0;
let unexpected = 0;
let inFlight = 0;

log(`soak: ${values.minutes} min at ${RATE} req/s (${INVALID_SHARE * 100}% with a wrong signature), sampled every ${values.interval} s`);
log('| t (s) | RSS MiB | heap used MiB | req/s | p50 ms | p99 ms | max ms | 200 | 401 | other | in flight |');
log('|---|---|---|---|---|---|---|---|---|---|---|');

const sampler = setInterval(async () => {
  const window = latencies.sort((a, b) => a - b);
  latencies = [];
  const t = (Date.now() - started) / 1000;
  const rss = app.rssMiB();
  const heap = await heapUsedMiB(app);
  samples.push({ minute: t / 60, rss, heap });
  log(
    `| ${t.toFixed(0)} | ${rss.toFixed(1)} | ${heap.toFixed(1)} | ${(window.length / (INTERVAL_MS / 1000)).toFixed(0)} | ${percentile(window, 50).toFixed(1)} | ` +
      `${percentile(window, 99).toFixed(1)} | ${(window.at(-1) ?? Number.NaN).toFixed(1)} | ${ok} | ${refused} | ${unexpected} | ${inFlight} |`,
  );
}, INTERVAL_MS);

// Open-loop: requests leave on a fixed schedule whatever the answers' latency.
const tick = 1000 / RATE;
let next = performance.now();
while (Date.now() - started < DURATION_MS) {
  next += tick;
  const invalid = Math.random() < INVALID_SHARE;
  const body = textMessage();
  const sent = performance.now();
  inFlight += 1;
  void post(app, body, invalid ? `sha256=${'0'.repeat(64)}` : sign(body)).then((status) => {
    inFlight -= 1;
    latencies.push(performance.now() - sent);
    if (status === 200 && !invalid) ok += 1;
    else if (status === 401 && invalid) refused += 1;
    else unexpected += 1;
  });
  const wait = next - performance.now();
  if (wait > 0) await new Promise((done) => setTimeout(done, wait));
}
clearInterval(sampler);
await new Promise((done) => setTimeout(done, 2000));

// The first fifth is warm-up (JIT, caches, SQLite pages); growth is judged on the rest.
const steady = samples.slice(Math.floor(samples.length / 5));
const minutes = steady.map((s) => s.minute);
log(`\nanswers: ${ok} valid acknowledged, ${refused} wrong signatures refused, ${unexpected} unexpected`);
log(`RSS: ${samples[0]?.rss.toFixed(1)} → ${samples.at(-1)?.rss.toFixed(1)} MiB; slope after warm-up ${slope(minutes, steady.map((s) => s.rss)).toFixed(3)} MiB/min`);
log(`heap used: ${samples[0]?.heap.toFixed(1)} → ${samples.at(-1)?.heap.toFixed(1)} MiB; slope after warm-up ${slope(minutes, steady.map((s) => s.heap)).toFixed(3)} MiB/min`);
await app.stop();
agent.destroy();
process.exit(unexpected === 0 ? 0 : 1);
