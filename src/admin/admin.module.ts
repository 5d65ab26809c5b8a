import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { MessageLogModule } from '../features/message-log/index.js';
import { InboxModule } from '../inbox/index.js';
import { AdminChatsController } from './admin-chats.controller.js';
import { ADMIN_INBOX_PATH, AdminInboxController } from './admin-inbox.controller.js';
import { AdminInboxService } from './admin-inbox.service.js';
import { AdminMessageLogService } from './admin-message-log.service.js';
import { AdminJsonBodyMiddleware } from './admin-json-body.middleware.js';
import { AdminTokenGuard } from './admin-token.guard.js';
import { securityHeaders } from './security-headers.middleware.js';

/**
 * The admin API under `/admin`: inspect and replay inbox deliveries, read a chat's message log.
 * Off (404) without `ADMIN_TOKEN`.
 */
@Module({
  imports: [InboxModule, MessageLogModule],
  controllers: [AdminInboxController, AdminChatsController],
  providers: [AdminInboxService, AdminMessageLogService, AdminTokenGuard],
})
export class AdminModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(securityHeaders).forRoutes(AdminInboxController, AdminChatsController);
    // No global body parser (the webhook reads raw bytes): only the admin POST routes parse JSON.
    consumer.apply(AdminJsonBodyMiddleware).forRoutes(
      { path: `${ADMIN_INBOX_PATH}/replay`, method: RequestMethod.POST },
      { path: `${ADMIN_INBOX_PATH}/:deliveryId/replay`, method: RequestMethod.POST },
    );
  }
}
