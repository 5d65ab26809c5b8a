import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { SIGNATURE_HEADER, signatureHeaderProblem } from './signature-verifier.js';
import { InvalidSignatureError } from './webhook.errors.js';

/**
 * Refuses a request whose signature header is missing or malformed before a byte of its body is
 * read: an anonymous client then costs no buffer and no parse. The HMAC itself needs the body,
 * so the guard still checks it after `RawBodyMiddleware`. The unread body is discarded by Node.
 */
@Injectable()
export class SignatureHeaderMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const problem = signatureHeaderProblem(req.headers[SIGNATURE_HEADER]);
    next(problem === undefined ? undefined : new InvalidSignatureError(problem));
  }
}
