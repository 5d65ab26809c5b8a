import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { InboxModule } from '../inbox/index.js';
import { DefaultSecretWarning } from './default-secret.warning.js';
import { RawBodyMiddleware } from './raw-body.middleware.js';
import { WEBHOOK_PATH, WebhookController } from './webhook.controller.js';
import { WebhookIntakeService } from './webhook-intake.service.js';
import { WebhookSignatureGuard } from './webhook-signature.guard.js';

@Module({
  imports: [InboxModule],
  controllers: [WebhookController],
  providers: [WebhookIntakeService, WebhookSignatureGuard, DefaultSecretWarning],
})
export class WebhookModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RawBodyMiddleware).forRoutes({ path: WEBHOOK_PATH, method: RequestMethod.POST });
  }
}
