import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import express, { type NextFunction, type Request, type Response } from 'express';
import { adminConfig } from '../config/index.js';
import { InvalidJsonError } from '../common/index.js';

export const ADMIN_BODY_LIMIT = '64kb';

/**
 * The app runs without a global body parser (the webhook reads raw bytes), so the admin POST
 * routes parse their small JSON bodies here. A missing body reads as `{}`. While the admin API
 * is off nothing is parsed, so every request meets the same 404.
 */
@Injectable()
export class AdminJsonBodyMiddleware implements NestMiddleware {
  private readonly parse = express.json({ limit: ADMIN_BODY_LIMIT });

  constructor(@Inject(adminConfig.KEY) private readonly config: ConfigType<typeof adminConfig>) {}

  use(req: Request, res: Response, next: NextFunction): void {
    if (!this.config.enabled) return next();
    this.parse(req, res, (error?: unknown) => {
      // Nest would turn a JSON SyntaxError into a 400 quoting the parser's message; answer with a fixed one.
      if (isParseFailure(error)) return next(new InvalidJsonError());
      if (error) return next(error);
      req.body ??= {};
      next();
    });
  }
}

function isParseFailure(error: unknown): boolean {
  return error instanceof Error && (error as Error & { type?: unknown }).type === 'entity.parse.failed';
}
