/**
 * Why a call to the gateway failed. `mayHaveBeenSent` is what callers of a non-idempotent send
 * care about: false means the gateway certainly did not act (refused, or never reached), so a
 * resend cannot duplicate; true means it may have (timeout, connection lost after the request).
 */
export abstract class GatewayError extends Error {
  abstract readonly code: string;
  abstract readonly mayHaveBeenSent: boolean;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** No answer within `GOWA_TIMEOUT_MS`. */
export class GatewayTimeoutError extends GatewayError {
  readonly code = 'GATEWAY_TIMEOUT';
  readonly mayHaveBeenSent = true;

  constructor(endpoint: string, timeoutMs: number) {
    super(`The gateway did not answer ${endpoint} within ${timeoutMs} ms`);
  }
}

/** The connection could not be made (refused, unknown host): the request never left. */
export class GatewayUnreachableError extends GatewayError {
  readonly code = 'GATEWAY_UNREACHABLE';
  readonly mayHaveBeenSent = false;

  constructor(endpoint: string, reason: string) {
    super(`The gateway could not be reached for ${endpoint} (${reason})`);
  }
}

/** The connection broke after the request was written: the gateway may have acted. */
export class GatewayConnectionLostError extends GatewayError {
  readonly code = 'GATEWAY_CONNECTION_LOST';
  readonly mayHaveBeenSent = true;

  constructor(endpoint: string, reason: string) {
    super(`The connection to the gateway broke during ${endpoint} (${reason})`);
  }
}

/** The gateway answered 4xx or 5xx: it reports that it did not do it. */
export class GatewayHttpError extends GatewayError {
  readonly code = 'GATEWAY_HTTP_ERROR';
  readonly mayHaveBeenSent = false;

  constructor(
    endpoint: string,
    readonly status: number,
    /** The gateway's own `code` (e.g. `INVALID_JID`), when it sent a plausible one. */
    readonly gatewayCode?: string,
  ) {
    super(`The gateway answered ${endpoint} with HTTP ${status}${gatewayCode ? ` (${gatewayCode})` : ''}`);
  }

  get retryable(): boolean {
    return this.status >= 500 || this.status === 429 || this.status === 408;
  }
}

/** A 2xx whose body is not the gateway's envelope (e.g. no `message_id` after a send). */
export class GatewayBadResponseError extends GatewayError {
  readonly code = 'GATEWAY_BAD_RESPONSE';
  readonly mayHaveBeenSent = true;

  constructor(endpoint: string, reason: string) {
    super(`The gateway's answer to ${endpoint} was not understood (${reason})`);
  }
}
