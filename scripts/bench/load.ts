import autocannon from 'autocannon';
import { readCpuTimes, stealPercent } from './cpu-steal.js';
import type { SignedBody } from './payloads.js';
import type { Percentiles } from './stats.js';

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  /** Each sent once, as fast as the target answers (closed loop; `runPacedLoad` sends at a fixed rate). */
  readonly bodies: readonly SignedBody[];
}

export interface LoadResult {
  readonly sent: number;
  readonly ok: number;
  readonly eventsPerSecond: number;
  readonly latencyMs: Percentiles;
  /** Connection errors, timeouts and non-2xx answers: must all be 0. */
  readonly errors: number;
  readonly non2xx: number;
  /** Wall-clock time (epoch ms) of the last answer. */
  readonly lastAnswerEpochMs: number;
  /** The machine's CPU time given to other guests meanwhile, in % (`stealPercent`): how far the run is from a quiet machine. */
  readonly stealPercent: number;
}

/** Drives the target over keep-alive connections; each request carries the next distinct signed body. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const { bodies } = options;
  // autocannon notices the end of an `amount` run on its one-second tick, so its own duration is
  // whole seconds; the time of the last answer is exact.
  const cpuBefore = readCpuTimes();
  const startedAt = performance.now();
  let lastAnswerAt = startedAt;
  let lastAnswerEpochMs = Date.now();
  const result = await autocannon({
    url: `${options.url}/webhook`,
    connections: options.connections,
    amount: bodies.length,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          // Never resend a body: a repeat would be a duplicate, not an event.
          const signed = bodies[next++ % bodies.length];
          if (next > bodies.length) throw new Error('ran out of pre-generated bodies');
          return {
            ...request,
            headers: { 'content-type': 'application/json', 'user-agent': 'Go-http-client/1.1', 'x-hub-signature-256': signed.signature },
            body: signed.body,
          };
        },
        onResponse: () => {
          lastAnswerAt = performance.now();
          lastAnswerEpochMs = Date.now();
        },
      },
    ],
  });
  const steal = stealPercent(cpuBefore, readCpuTimes());
  const sent = result['2xx'] + result.non2xx;
  return {
    sent,
    ok: result['2xx'],
    eventsPerSecond: result['2xx'] / ((lastAnswerAt - startedAt) / 1000),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    lastAnswerEpochMs,
    stealPercent: steal,
  };
}
