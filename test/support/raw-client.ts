import net from 'node:net';
import { signBody } from '../../src/webhook/index.js';
import { TEST_SECRET } from './test-app.js';

/**
 * A bare TCP client: writes exactly the bytes it is given, when it is told, and records what
 * comes back. For what an HTTP library would not send (no length, bad framing, trickled bytes).
 */
export class RawClient {
  private readonly socket: net.Socket;
  private received = '';
  closed = false;

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => (this.received += chunk.toString('latin1')));
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => (this.closed = true));
  }

  static connect(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  get text(): string {
    return this.received;
  }

  /** Status codes of every response received so far, in order. */
  get statuses(): number[] {
    return [...this.received.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
  }

  /** JSON bodies of the responses (all ours carry Content-Length). */
  get bodies(): Array<{ code?: string; status?: string }> {
    return [...this.received.matchAll(/\r\n\r\n(\{[^\r]*?\})(?=HTTP\/1\.1|$)/g)].map((m) => JSON.parse(m[1]!) as { code?: string });
  }

  write(data: string | Buffer): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed || this.socket.destroyed) return resolve();
      this.socket.write(data, () => resolve());
    });
  }

  async waitFor(check: (client: RawClient) => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check(this)) {
      if (Date.now() > deadline) throw new Error(`Timed out; received so far: ${this.received.slice(0, 200)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** The head of a POST /webhook; `signedFor` adds the signature of that body. */
export function requestHead(headers: Record<string, string | number>, signedFor?: string | Buffer): string {
  const all: Record<string, string | number> = { Host: '127.0.0.1', ...headers };
  if (signedFor !== undefined) all['X-Hub-Signature-256'] = signBody(signedFor, TEST_SECRET);
  return `POST /webhook HTTP/1.1\r\n${Object.entries(all).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
}

export function chunk(data: string | Buffer): Buffer {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
  return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);
}

export const LAST_CHUNK = '0\r\n\r\n';
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
