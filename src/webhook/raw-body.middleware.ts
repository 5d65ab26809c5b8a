import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { NextFunction, Request, Response } from 'express';
import { webhookConfig } from '../config/index.js';
import { readRawBody } from './read-raw-body.js';

/**
 * Reads the webhook body as raw bytes, whatever its content type: the signature covers these
 * exact bytes, so nothing may parse or re-encode them first. Over the limit it answers 413 at
 * once, without waiting for (or keeping) the rest of the body.
 */
@Injectable()
export class RawBodyMiddleware implements NestMiddleware {
  private readonly limit: number;

  constructor(@Inject(webhookConfig.KEY) config: ConfigType<typeof webhookConfig>) {
    this.limit = config.bodyLimitBytes;
  }

  use(req: Request, _res: Response, next: NextFunction): void {
    readRawBody(req, this.limit).then((body) => {
      (req as Request & { rawBody?: Buffer }).rawBody = body;
      next();
    }, next);
  }
}
