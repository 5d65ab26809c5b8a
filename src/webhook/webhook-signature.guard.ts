import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { Request } from 'express';
import { webhookConfig } from '../config/index.js';
import { SIGNATURE_HEADER, SignatureVerifier } from './signature-verifier.js';
import { InvalidSignatureError } from './webhook.errors.js';

/** Lets a webhook through only when its HMAC over the raw body verifies with a configured secret. */
@Injectable()
export class WebhookSignatureGuard implements CanActivate {
  private readonly logger = new Logger(WebhookSignatureGuard.name);
  private readonly verifier: SignatureVerifier;
  private readonly rotating: boolean;

  constructor(@Inject(webhookConfig.KEY) config: ConfigType<typeof webhookConfig>) {
    this.verifier = new SignatureVerifier(config.secrets);
    this.rotating = config.secrets.length > 1;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { rawBody?: Buffer }>();
    const check = this.verifier.verify(request.rawBody ?? Buffer.alloc(0), request.headers[SIGNATURE_HEADER]);
    if (!check.valid) throw new InvalidSignatureError(check.failure);
    // By position only: which secret is still in use tells when an old one can be removed.
    if (this.rotating) this.logger.debug(`Signature verified with secret #${check.secretIndex + 1}`);
    return true;
  }
}
