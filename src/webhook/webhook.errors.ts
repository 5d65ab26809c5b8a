import { AppError } from '../common/index.js';
import type { SignatureFailure } from './signature-verifier.js';

const SIGNATURE_MESSAGES: Record<SignatureFailure, [code: string, message: string]> = {
  missing: ['SIGNATURE_MISSING', 'The X-Hub-Signature-256 header is required.'],
  malformed: ['SIGNATURE_MALFORMED', 'The X-Hub-Signature-256 header must read sha256=<64 lowercase hex digits>.'],
  mismatch: ['SIGNATURE_MISMATCH', 'The signature does not match the request body.'],
};

export class InvalidSignatureError extends AppError {
  readonly status = 401;
  readonly code: string;

  constructor(readonly failure: SignatureFailure) {
    const [code, message] = SIGNATURE_MESSAGES[failure];
    super(message);
    this.code = code;
  }
}

export class MissingBodyError extends AppError {
  readonly status = 400;
  readonly code = 'EMPTY_BODY';

  constructor() {
    super('The request body is empty.');
  }
}

export class MethodNotAllowedError extends AppError {
  readonly status = 405;
  readonly code = 'METHOD_NOT_ALLOWED';
  override readonly headers = { Allow: 'POST' };

  constructor() {
    super('Only POST is accepted here.');
  }
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'PAYLOAD_TOO_LARGE';

  constructor() {
    super('The request body is larger than the limit.');
  }
}

export class UnsupportedEncodingError extends AppError {
  readonly status = 415;
  readonly code = 'UNSUPPORTED_ENCODING';

  constructor() {
    super('The request body encoding is not supported.');
  }
}

/** The client went away mid-body; the answer rarely reaches it, but the code is counted. */
export class RequestAbortedError extends AppError {
  readonly status = 400;
  readonly code = 'REQUEST_ABORTED';

  constructor() {
    super('The request body was not received completely.');
  }
}
