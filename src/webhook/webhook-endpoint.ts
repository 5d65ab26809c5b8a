import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { PinoLogger } from 'nestjs-pino';
import type { Logger as PinoInstance } from 'pino';
import { AppError, type ErrorBody, INTERNAL_ERROR_BODY } from '../common/index.js';
import { webhookConfig } from '../config/index.js';
import { InboxObserver, IntakePressure } from '../inbox/index.js';
import { requestLineLogger, type RequestLineFields, startRequestLine } from '../logging/index.js';
import { readRawBody } from './read-raw-body.js';
import { SIGNATURE_HEADER, SignatureVerifier, signatureHeaderProblem } from './signature-verifier.js';
import type { WebhookAck } from './webhook-ack.dto.js';
import { WebhookIntakeService } from './webhook-intake.service.js';
import { InvalidSignatureError, MethodNotAllowedError } from './webhook.errors.js';

export const WEBHOOK_PATH = '/webhook';

/**
 * `/webhook`, answered on the HTTP server ahead of Express and Nest's router (see
 * `mountWebhookEndpoint`). Every event the gateway sends comes through here, and the Nest
 * pipeline (router, middleware chain, guard, exception filter, async-context logger) cost more CPU
 * per event than verifying, parsing and committing it (docs/PERFORMANCE.md). The steps and answers
 * are the ones that pipeline gave: a malformed signature header is refused before the body is
 * read, an over-limit body before it is buffered, then HMAC over the raw bytes, parse, commit, 2xx;
 * errors as `{code, message}` with the same codes, one request log line with the event, inbox id
 * and outcome, and the same metrics.
 */
@Injectable()
export class WebhookEndpoint {
  private readonly logger = new Logger('WebhookEndpoint');
  private readonly verifier: SignatureVerifier;
  private readonly rotating: boolean;
  private readonly bodyLimit: number;
  private requestLogger?: PinoInstance;

  constructor(
    @Inject(webhookConfig.KEY) config: ConfigType<typeof webhookConfig>,
    private readonly intake: WebhookIntakeService,
    private readonly observer: InboxObserver,
    private readonly pressure: IntakePressure,
  ) {
    this.verifier = new SignatureVerifier(config.secrets);
    this.rotating = config.secrets.length > 1;
    this.bodyLimit = config.bodyLimitBytes;
  }

  /** The paths Express routed to the webhook: any case, an optional trailing slash, any query. */
  matches(request: IncomingMessage): boolean {
    const url = request.url ?? '';
    const end = url.indexOf('?');
    const path = (end === -1 ? url : url.slice(0, end)).toLowerCase();
    return path === WEBHOOK_PATH || path === `${WEBHOOK_PATH}/`;
  }

  handle(request: IncomingMessage, response: ServerResponse): void {
    const started = performance.now();
    // One line per request from the app's pino instance, as for every other route (minus headers).
    this.requestLogger ??= requestLineLogger(PinoLogger.root);
    const requestLine = startRequestLine(this.requestLogger, request, response);
    if (request.method !== 'POST') {
      // Not an event: answered, logged, not counted in the webhook metrics.
      const refusal = new MethodNotAllowedError();
      return this.answer(response, refusal.status, { code: refusal.code, message: refusal.message }, refusal.headers);
    }
    const leave = this.pressure.enter();
    response.once('close', leave);
    this.receive(request, requestLine).then(
      (ack) => {
        this.observer.acknowledged((performance.now() - started) / 1000);
        this.answer(response, 200, ack);
      },
      (error: unknown) => this.refuse(response, error),
    );
  }

  private async receive(request: IncomingMessage, requestLine: RequestLineFields): Promise<WebhookAck> {
    const header = request.headers[SIGNATURE_HEADER];
    // Checked before the body is read: an anonymous client costs no buffer and no parse.
    const problem = signatureHeaderProblem(header);
    if (problem !== undefined) throw new InvalidSignatureError(problem);
    const rawBody = await readRawBody(request, this.bodyLimit);
    const check = this.verifier.verify(rawBody, header);
    if (!check.valid) throw new InvalidSignatureError(check.failure);
    // By position only: which secret is still in use tells when an old one can be removed.
    if (this.rotating) this.logger.debug(`Signature verified with secret #${check.secretIndex + 1}`);
    // The request's log line names what came in and where it went, never what it said.
    return this.intake.receive(rawBody, requestLine);
  }

  private refuse(response: ServerResponse, error: unknown): void {
    if (!(error instanceof AppError)) {
      const unexpected = error instanceof Error ? error : new Error(String(error));
      this.logger.error(`Unhandled ${unexpected.name}`, unexpected.stack);
    }
    const [status, body] = error instanceof AppError ? [error.status, { code: error.code, message: error.message }] : [500, INTERNAL_ERROR_BODY];
    this.observer.rejected(body.code);
    this.answer(response, status, body, error instanceof AppError ? error.headers : undefined);
  }

  private answer(response: ServerResponse, status: number, body: WebhookAck | ErrorBody, headers?: Readonly<Record<string, string>>): void {
    if (response.headersSent || response.destroyed) return;
    const json = JSON.stringify(body);
    response.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) });
    response.end(json);
  }
}
