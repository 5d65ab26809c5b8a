import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** What the server does with the n-th request (1-based): answer, or never answer (`hang`). */
export type Reply = { readonly status: number; readonly body: unknown } | 'hang';
export type Responder = (request: RecordedRequest, n: number) => Reply;

/**
 * A real HTTP server on 127.0.0.1 and a random port standing in for an external API (the gateway,
 * the translation API). Records every request; `respond` decides each answer.
 */
export class FakeHttpServer {
  readonly requests: RecordedRequest[] = [];
  private server?: Server;

  constructor(public respond: Responder) {}

  /** Listens on `port` (0: a free one); a stopped server can start again on its old port. */
  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : undefined };
        this.requests.push(recorded);
        const reply = this.respond(recorded, this.requests.length);
        if (reply === 'hang') return;
        res.writeHead(reply.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server!.close(resolve));
  }

  to(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }
}

/** The gateway's success envelope; sends get a fresh message id each. */
export function gatewaySuccess(request: RecordedRequest, n: number): Reply {
  const results = request.path.endsWith('/send/message') ? { message_id: `SENT-${n}`, status: 'Message sent' } : {};
  return { status: 200, body: { code: 'SUCCESS', message: 'Success', results } };
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
