import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { adminConfig } from '../config/index.js';
import { AdminDisabledError, AdminUnauthorizedError } from './admin.errors.js';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Lets a request through only with `Authorization: Bearer <ADMIN_TOKEN>`. Both sides are hashed
 * first, so the comparison is constant-time and equal-length whatever was sent. Without a
 * configured token the admin API does not exist (404).
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer | undefined;

  constructor(@Inject(adminConfig.KEY) config: ConfigType<typeof adminConfig>) {
    this.expected = config.token === undefined ? undefined : digest(config.token);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.expected === undefined) throw new AdminDisabledError();
    const header = context.switchToHttp().getRequest<Request>().headers.authorization;
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    if (token === undefined || !timingSafeEqual(digest(token), this.expected)) throw new AdminUnauthorizedError();
    return true;
  }
}
