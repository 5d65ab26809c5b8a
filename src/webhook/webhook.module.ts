import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { InboxModule } from '../inbox/index.js';
import { DefaultSecretWarning } from './default-secret.warning.js';
import { RawBodyMiddleware } from './raw-body.middleware.js';
import { SignatureHeaderMiddleware } from './signature-header.middleware.js';
import { WEBHOOK_PATH, WebhookController } from './webhook.controller.js';
import { WebhookIntakeService } from './webhook-intake.service.js';
import { WebhookObserverMiddleware } from './webhook-observer.middleware.js';
import { WebhookSignatureGuard } from './webhook-signature.guard.js';

@Module({
  imports: [InboxModule],
  controllers: [WebhookController],
  providers: [WebhookIntakeService, WebhookSignatureGuard, DefaultSecretWarning],
})
export class WebhookModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The observer goes first so it times the whole request and sees every refusal; a missing or
    // malformed signature header is refused before the body is read.
    consumer.apply(WebhookObserverMiddleware, SignatureHeaderMiddleware, RawBodyMiddleware).forRoutes({ path: WEBHOOK_PATH, method: RequestMethod.POST });
  }
}
