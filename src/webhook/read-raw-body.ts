import type { IncomingMessage } from 'node:http';
import { PayloadTooLargeError, RequestAbortedError, UnsupportedEncodingError } from './webhook.errors.js';

/**
 * Reads a request body as raw bytes, holding at most `limit` bytes. A Content-Length over the
 * limit is refused before reading; a body without one (chunked) is refused as soon as it passes
 * the limit. Either way the answer goes out at once and the rest of the body is discarded as it
 * arrives (never buffered) until the server's request timeout. Compressed bodies are refused: the
 * gateway never compresses, and inflating would let a small body expand past the limit.
 */
export function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') return Promise.reject(new UnsupportedEncodingError());
  // Node's parser has already refused a Content-Length that is not a plain number.
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(new PayloadTooLargeError());

  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) return void chunks.push(chunk);
      stop();
      chunks.length = 0;
      req.resume();
      reject(new PayloadTooLargeError());
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, received));
    };
    const onAbort = () => {
      stop();
      reject(new RequestAbortedError());
    };
    const onClose = () => {
      if (!req.complete) onAbort();
    };
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onClose);
  });
}
