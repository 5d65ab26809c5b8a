import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { webhookConfig } from '../config/index.js';

/** Outside production a missing secret falls back to the gateway's default; say so at every boot. */
@Injectable()
export class DefaultSecretWarning implements OnApplicationBootstrap {
  private readonly logger = new Logger('WebhookSecurity');

  constructor(@Inject(webhookConfig.KEY) private readonly config: ConfigType<typeof webhookConfig>) {}

  onApplicationBootstrap(): void {
    if (!this.config.usingDefaultSecret) return;
    this.logger.warn(
      'WHATSAPP_WEBHOOK_SECRET is not set: verifying with the gateway\'s default secret "secret". ' +
        'Anyone who knows it can post events. Set your own secret (production refuses to start without one).',
    );
  }
}
