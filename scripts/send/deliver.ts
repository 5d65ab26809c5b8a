import { gatewayJson, signBody } from './gateway-json.js';

/** One signed POST, timed. `status` is 0 when the request failed before an answer. */
export interface DeliveryResult {
  readonly status: number;
  readonly answer: unknown;
  readonly latencyMs: number;
  readonly error?: string;
}

/** Same per-attempt timeout as the gateway. */
const TIMEOUT_MS = 10_000;

/** Serialises `body` the gateway way (compact, key-sorted, Go escapes), signs those bytes and POSTs them. */
export async function deliver(url: string, secret: string, body: unknown): Promise<DeliveryResult> {
  const raw = Buffer.from(gatewayJson(body), 'utf8');
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Go-http-client/1.1',
        'X-Hub-Signature-256': signBody(raw, secret),
      },
      body: raw,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    return { status: response.status, answer: parseAnswer(text), latencyMs: performance.now() - started };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message;
    const message = error instanceof Error ? error.message : String(error);
    return { status: 0, answer: undefined, latencyMs: performance.now() - started, error: detail ? `${message} (${detail})` : message };
  }
}

function parseAnswer(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Runs `count` deliveries, at most `concurrency` at a time. `send(i)` performs the i-th delivery (0-based). */
export async function burst(
  count: number,
  concurrency: number,
  send: (index: number) => Promise<DeliveryResult>,
): Promise<DeliveryResult[]> {
  const results: DeliveryResult[] = new Array(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      results[index] = await send(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}
