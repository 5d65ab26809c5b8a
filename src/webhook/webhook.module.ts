import { Module } from '@nestjs/common';
import { InboxModule } from '../inbox/index.js';
import { DefaultSecretWarning } from './default-secret.warning.js';
import { WebhookEndpoint } from './webhook-endpoint.js';
import { WebhookIntakeService } from './webhook-intake.service.js';

/** `/webhook`: served by `WebhookEndpoint`, mounted on the HTTP server by `mountWebhookEndpoint`. */
@Module({
  imports: [InboxModule],
  providers: [WebhookEndpoint, WebhookIntakeService, DefaultSecretWarning],
  exports: [WebhookEndpoint],
})
export class WebhookModule {}
