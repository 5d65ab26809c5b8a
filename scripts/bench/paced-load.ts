import { Agent, request } from 'node:http';
import type { SignedBody } from './payloads.js';
import { type Percentiles, percentiles } from './stats.js';

export interface PacedLoadOptions {
  readonly url: string;
  readonly ratePerSecond: number;
  readonly durationS: number;
  readonly bodies: readonly SignedBody[];
  /** Keep-alive connections the driver may open; an event due while all are busy waits for one (and that wait counts). */
  readonly maxConnections: number;
  /** Called with the delivery id and the wall-clock time of each 2xx (end-to-end latency). */
  readonly onAccepted?: (deliveryId: string, atMs: number) => void;
}

export interface PacedLoadResult {
  /** Events due in the window (rate × duration), and how many got a 2xx. */
  readonly offered: number;
  readonly ok: number;
  /** From each event's due time to its answer: queueing in the driver counts (no coordinated omission). */
  readonly latencyMs: Percentiles;
  /** Connection errors, timeouts and non-2xx answers: must all be 0. */
  readonly errors: number;
  readonly non2xx: number;
  /** The most connections open at once: how much concurrency the rate needed. */
  readonly peakConnections: number;
  /** How late the driver sent its most overdue event (its own timer, before any connection wait). */
  readonly maxSendLagMs: number;
}

const TICK_MS = 1;
/** The gateway's own per-attempt timeout (CONTRACT.md). */
const TIMEOUT_MS = 10_000;

/**
 * An open-loop load at a fixed rate, as the gateway sends: it posts every event from its own
 * goroutine when the event happens, whatever earlier answers are doing (CONTRACT.md). Event i is
 * due at start + i / rate and is sent then, on a free keep-alive connection or a new one. A
 * closed-loop driver (autocannon's `overallRate`: each connection waits for its answer and has a
 * per-second budget) offers less whenever the answers slow down, so it measures itself as much
 * as the receiver.
 */
export async function runPacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const { bodies, ratePerSecond, durationS, onAccepted } = options;
  const offered = Math.round(ratePerSecond * durationS);
  if (offered > bodies.length) throw new Error('ran out of pre-generated bodies');
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxConnections });
  const target = new URL('/webhook', options.url);
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  let non2xx = 0;
  let peakConnections = 0;
  let maxSendLagMs = 0;
  let answered = 0;
  let allAnswered!: () => void;
  const done = new Promise<void>((resolve) => (allAnswered = resolve));

  const settle = (dueAt: number, outcome: 'ok' | 'non2xx' | 'error') => {
    latencies.push(performance.now() - dueAt);
    if (outcome === 'ok') ok++;
    else if (outcome === 'non2xx') non2xx++;
    else errors++;
    if (++answered === offered) allAnswered();
  };

  const send = (signed: SignedBody, dueAt: number) => {
    // A request that times out after its answer began reports an error on both objects: count it once.
    let settled = false;
    const once = (outcome: 'ok' | 'non2xx' | 'error') => {
      if (settled) return;
      settled = true;
      settle(dueAt, outcome);
    };
    const req = request(target, {
      method: 'POST',
      agent,
      timeout: TIMEOUT_MS,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(signed.body),
        'user-agent': 'Go-http-client/1.1',
        'x-hub-signature-256': signed.signature,
      },
    });
    req.on('socket', () => (peakConnections = Math.max(peakConnections, openSockets(agent))));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => once('error'));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', () => once('error'));
      res.on('end', () => {
        // Success is any 2xx, as for the gateway (CONTRACT.md).
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) return once('non2xx');
        if (onAccepted) {
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { status?: string; id?: string };
          if (answer.status === 'accepted' && answer.id) onAccepted(answer.id, Date.now());
        }
        once('ok');
      });
    });
    req.end(signed.body);
  };

  const startedAt = performance.now();
  let next = 0;
  // A 1 ms tick sends whatever fell due since the last one: timers cannot fire every 1/rate s,
  // and a late tick catches up instead of lowering the rate.
  const timer = setInterval(() => {
    const now = performance.now();
    while (next < offered) {
      const dueAt = startedAt + (next * 1000) / ratePerSecond;
      if (dueAt > now) break;
      maxSendLagMs = Math.max(maxSendLagMs, now - dueAt);
      send(bodies[next++], dueAt);
    }
    if (next === offered) clearInterval(timer);
  }, TICK_MS);
  try {
    await done;
  } finally {
    clearInterval(timer);
    agent.destroy();
  }
  return {
    offered,
    ok,
    latencyMs: percentiles(latencies),
    errors,
    non2xx,
    peakConnections,
    maxSendLagMs,
  };
}

function openSockets(agent: Agent): number {
  return Object.values(agent.sockets).reduce((n, list) => n + (list?.length ?? 0), 0) + Object.values(agent.freeSockets).reduce((n, list) => n + (list?.length ?? 0), 0);
}
