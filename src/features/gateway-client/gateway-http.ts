import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { gatewayConfig } from '../../config/index.js';
import { type GatewayEndpoint, GatewayObserver, type GatewayOutcome } from './gateway-observer.js';
import {
  GatewayBadResponseError,
  GatewayConnectionLostError,
  GatewayError,
  GatewayHttpError,
  GatewayTimeoutError,
  GatewayUnreachableError,
} from './gateway.errors.js';

/** Connection errors raised before any byte of the request left: the gateway cannot have acted. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export interface GatewayRequest {
  readonly endpoint: GatewayEndpoint;
  /** Path below the base URL, e.g. `/send/message`. */
  readonly path: string;
  readonly body: object;
  /** `X-Device-Id`: which account of a multi-device gateway acts. */
  readonly device?: string;
}

/** The gateway's success envelope: `{code: "SUCCESS", message, results}`. */
export interface GatewayReply {
  readonly code?: string;
  readonly results?: Record<string, unknown>;
}

/**
 * One HTTP request to the gateway: JSON in and out, Basic auth, device header, a timeout that
 * covers the whole exchange, and every failure turned into a typed `GatewayError`. No retries
 * here; `GatewayClient` decides which calls may be repeated.
 */
@Injectable()
export class GatewayHttp {
  private readonly authorization?: string;

  constructor(
    @Inject(gatewayConfig.KEY) private readonly config: ConfigType<typeof gatewayConfig>,
    private readonly observer: GatewayObserver,
  ) {
    const auth = config.basicAuth;
    if (auth) this.authorization = `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
  }

  async post(request: GatewayRequest): Promise<GatewayReply> {
    const started = performance.now();
    try {
      const reply = await this.exchange(request);
      this.observer.request(request.endpoint, 'success', (performance.now() - started) / 1000);
      return reply;
    } catch (error) {
      const failure = this.classify(request.endpoint, error);
      this.observer.request(request.endpoint, outcomeOf(failure), (performance.now() - started) / 1000);
      throw failure;
    }
  }

  private async exchange(request: GatewayRequest): Promise<GatewayReply> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (this.authorization) headers.Authorization = this.authorization;
    if (request.device) headers['X-Device-Id'] = request.device;
    const response = await fetch(`${this.config.baseUrl}${request.path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(this.config.timeoutMs),
    });
    const text = await response.text();
    const body = parseObject(text);
    if (!response.ok) throw new GatewayHttpError(request.endpoint, response.status, gatewayCode(body));
    if (!body) throw new GatewayBadResponseError(request.endpoint, 'body is not a JSON object');
    return body as GatewayReply;
  }

  private classify(endpoint: GatewayEndpoint, error: unknown): GatewayError {
    if (error instanceof GatewayError) return error;
    const name = (error as Error | undefined)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') return new GatewayTimeoutError(endpoint, this.config.timeoutMs);
    const code = causeCode(error);
    if (code && NOT_CONNECTED.has(code)) return new GatewayUnreachableError(endpoint, code);
    return new GatewayConnectionLostError(endpoint, code ?? name ?? 'unknown error');
  }
}

function outcomeOf(error: GatewayError): GatewayOutcome {
  if (error instanceof GatewayHttpError) return error.status >= 500 ? 'http_5xx' : 'http_4xx';
  if (error instanceof GatewayTimeoutError) return 'timeout';
  if (error instanceof GatewayUnreachableError) return 'unreachable';
  if (error instanceof GatewayBadResponseError) return 'bad_response';
  return 'connection_lost';
}

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown; errors?: { code?: unknown }[] } } | undefined)?.cause;
  // Happy-eyeballs failures wrap one error per address in an AggregateError.
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  return typeof code === 'string' ? code : undefined;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Only a plausible error code is kept: the rest of an error body may quote the message text. */
function gatewayCode(body: Record<string, unknown> | undefined): string | undefined {
  const code = body?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : undefined;
}
