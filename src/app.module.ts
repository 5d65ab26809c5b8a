import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AdminModule } from './admin/index.js';
import { AppExceptionFilter } from './common/index.js';
import { AppConfigModule } from './config/index.js';
import { DatabaseModule } from './database/index.js';
import { MessageLogModule } from './features/message-log/index.js';
import { GroupWelcomeModule } from './features/group-welcome/index.js';
import { ReplyBotModule } from './features/reply-bot/index.js';
import { TranslationModule } from './features/translation/index.js';
import { GroupsModule, MessagesModule, ProtocolModule, ReceiptsModule } from './handlers/index.js';
import { HealthModule } from './health/index.js';
import { LifecycleModule } from './lifecycle/index.js';
import { LoggingModule } from './logging/index.js';
import { MetricsModule } from './metrics/index.js';
import { WebhookModule } from './webhook/index.js';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    LifecycleModule,
    // Domain events are dispatched by the inbox; handlers subscribe with @OnWhatsAppEvent. No cap on
    // listeners per event: they are the handlers, fixed at boot, and EventEmitter2's default of 10
    // printed a memory-leak warning for an app with an eleventh handler of one event.
    EventEmitterModule.forRoot({ wildcard: false, ignoreErrors: false, maxListeners: 0 }),
    DatabaseModule,
    WebhookModule,
    HealthModule,
    AdminModule,
    MetricsModule,
    // Handler modules: adding one is one line here.
    MessagesModule,
    ReceiptsModule,
    GroupsModule,
    ProtocolModule,
    MessageLogModule,
    // Features that answer through the gateway; each is off until its *_ENABLED is true.
    ReplyBotModule,
    GroupWelcomeModule,
    TranslationModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: AppExceptionFilter }],
})
export class AppModule {}
