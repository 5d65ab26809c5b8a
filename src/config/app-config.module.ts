import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { adminConfig } from './admin.config.js';
import { appConfig } from './app.config.js';
import { gatewayConfig, groupWelcomeConfig, replyBotConfig, translationConfig } from './features.config.js';
import { httpConfig } from './http.config.js';
import { inboxConfig } from './inbox.config.js';
import { loggingConfig } from './logging.config.js';
import { messageLogConfig } from './message-log.config.js';
import { webhookConfig } from './webhook.config.js';

/**
 * Typed config namespaces for the whole app. Validation runs when the namespaces are built
 * (at each app boot), so a bad environment stops the boot with every problem listed.
 */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [
        appConfig,
        webhookConfig,
        inboxConfig,
        adminConfig,
        httpConfig,
        loggingConfig,
        messageLogConfig,
        gatewayConfig,
        replyBotConfig,
        groupWelcomeConfig,
        translationConfig,
      ],
    }),
  ],
})
export class AppConfigModule {}
