import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** Node's own answers to requests it could not parse or that ran out of time, with our codes. */
const ANSWERS: Record<string, [status: string, code: string, message: string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: ['408 Request Timeout', 'REQUEST_TIMEOUT', 'The request was not received in time.'],
  HPE_HEADER_OVERFLOW: ['431 Request Header Fields Too Large', 'HEADERS_TOO_LARGE', 'The request headers are too large.'],
};
const BAD_REQUEST: [string, string, string] = ['400 Bad Request', 'BAD_REQUEST', 'The request is not valid HTTP.'];

/**
 * Requests Node refuses before any route sees them (malformed HTTP, header or body deadlines
 * missed, oversized headers) get the same `{code, message}` JSON as every other error instead of
 * Node's bare status line, and the connection is closed. The parser's error text is not echoed.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Once an answer has started (e.g. a 413 while the rest of the body drains), writing another
    // would corrupt it: just close, as Node itself does.
    const answering = (socket as Duplex & { _httpMessage?: { _headerSent?: boolean } })._httpMessage?._headerSent === true;
    if (error.code === 'ECONNRESET' || !socket.writable || answering) {
      socket.destroy();
      return;
    }
    const [status, code, message] = ANSWERS[error.code ?? ''] ?? BAD_REQUEST;
    const body = JSON.stringify({ code, message });
    socket.write(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    // Closed once written, whatever the client does next (a slow client must not keep it half-open).
    const { destroySoon } = socket as Duplex & { destroySoon?: () => void };
    if (typeof destroySoon === 'function') destroySoon.call(socket);
    else socket.destroy();
  });
}
