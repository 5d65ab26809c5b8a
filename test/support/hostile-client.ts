import http, { type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { signBody } from '../../src/webhook/index.js';
import { TEST_SECRET } from './test-app.js';

export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

export interface Outgoing {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: OutgoingHttpHeaders;
  readonly body?: Buffer | string;
}

/** Starts the app on a real port (raw sockets and timeouts need a listening server). */
export async function listenLocal(app: INestApplication): Promise<number> {
  await app.listen(0, '127.0.0.1');
  return (app.getHttpServer().address() as AddressInfo).port;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** One HTTP request with node:http, which (unlike fetch) sends odd headers as given. */
export function send(port: number, out: Outgoing): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, agent, method: out.method ?? 'POST', path: out.path ?? '/webhook', headers: out.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(out.body);
  });
}

/** Headers of a request the gateway would sign: JSON content type and a valid signature. */
export function signedHeaders(body: Buffer | string, extra: OutgoingHttpHeaders = {}): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, TEST_SECRET), ...extra };
  // `undefined` means "send no such header".
  for (const [name, value] of Object.entries(headers)) if (value === undefined) delete headers[name];
  return headers;
}

export function postSignedRaw(port: number, body: Buffer | string, extra: OutgoingHttpHeaders = {}): Promise<Answer> {
  return send(port, { body, headers: signedHeaders(body, extra) });
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Marks a body so a test can tell whether an answer echoed it. */
export const CANARY = 'CANARY-7f3a9c';

/**
 * What every answer must look like, whatever was sent: JSON, no stack trace, no file path,
 * nothing echoed from the request, never a 5xx.
 */
export function unsafeAnswerProblems(answer: Answer, echoes: readonly string[] = [CANARY]): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  if (/\n\s+at |\.ts:\d+|\.js:\d+|node_modules|Error:/.test(answer.text)) problems.push('stack trace or file path in body');
  for (const echo of echoes) if (echo && answer.text.includes(echo)) problems.push('request data echoed');
  if (!String(answer.headers['content-type'] ?? '').startsWith('application/json')) problems.push('not JSON');
  return problems;
}

/** `{code}` of an error answer, `status` of an acknowledgement. */
export function parseAnswer(answer: Answer): { code?: string; status?: string; id?: string; message?: string } {
  try {
    return JSON.parse(answer.text) as { code?: string };
  } catch {
    return {};
  }
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/** Nothing was added to Object.prototype (the app runs in this process, so pollution would show). */
export function prototypeIsClean(): boolean {
  const probe: Record<string, unknown> = {};
  return Object.getOwnPropertyNames(Object.prototype).sort().join(',') === PROTOTYPE_KEYS && probe.polluted === undefined && probe.isAdmin === undefined;
}

export async function isLive(port: number): Promise<boolean> {
  const answer = await send(port, { method: 'GET', path: '/health/live' });
  return answer.status === 200;
}
