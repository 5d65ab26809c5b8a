import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import express, { type NextFunction, type Request, type Response } from 'express';
import { webhookConfig } from '../config/index.js';

/**
 * Reads the webhook body as raw bytes, whatever its content type: the signature covers these
 * exact bytes, so nothing may parse or re-encode them first. Over the limit the parser stops
 * reading and answers 413 (at once when Content-Length already says so).
 */
@Injectable()
export class RawBodyMiddleware implements NestMiddleware {
  private readonly parse: ReturnType<typeof express.raw>;

  constructor(@Inject(webhookConfig.KEY) config: ConfigType<typeof webhookConfig>) {
    this.parse = express.raw({ type: () => true, limit: config.bodyLimitBytes, inflate: false });
  }

  use(req: Request, res: Response, next: NextFunction): void {
    this.parse(req, res, (error?: unknown) => {
      if (error) return next(error);
      (req as Request & { rawBody?: Buffer }).rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      next();
    });
  }
}
