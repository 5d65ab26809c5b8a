import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { answeredErrorCode } from '../common/index.js';
import { InboxObserver } from '../inbox/index.js';

/**
 * Reports how each POST /webhook was answered, once the answer is sent: 2xx with the time since
 * the request arrived (before its body was read), anything else with the error code the exception
 * filter chose. It runs first, so it also sees refusals from the body parser (413) and the guard (401).
 */
@Injectable()
export class WebhookObserverMiddleware implements NestMiddleware {
  constructor(private readonly observer: InboxObserver) {}

  use(_request: Request, response: Response, next: NextFunction): void {
    const started = performance.now();
    response.once('finish', () => {
      if (response.statusCode >= 200 && response.statusCode < 300) {
        this.observer.acknowledged((performance.now() - started) / 1000);
      } else {
        this.observer.rejected(answeredErrorCode(response) ?? `HTTP_${response.statusCode}`);
      }
    });
    next();
  }
}
