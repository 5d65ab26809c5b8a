import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { InboxModule } from '../inbox/index.js';
import { ADMIN_INBOX_PATH, AdminInboxController } from './admin-inbox.controller.js';
import { AdminInboxService } from './admin-inbox.service.js';
import { AdminJsonBodyMiddleware } from './admin-json-body.middleware.js';
import { AdminTokenGuard } from './admin-token.guard.js';
import { securityHeaders } from './security-headers.middleware.js';

/** The admin API under `/admin`: inspect and replay inbox deliveries. Off (404) without `ADMIN_TOKEN`. */
@Module({
  imports: [InboxModule],
  controllers: [AdminInboxController],
  providers: [AdminInboxService, AdminTokenGuard],
})
export class AdminModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(securityHeaders).forRoutes(AdminInboxController);
    // No global body parser (the webhook reads raw bytes): only the admin POST routes parse JSON.
    consumer.apply(AdminJsonBodyMiddleware).forRoutes(
      { path: `${ADMIN_INBOX_PATH}/replay`, method: RequestMethod.POST },
      { path: `${ADMIN_INBOX_PATH}/:deliveryId/replay`, method: RequestMethod.POST },
    );
  }
}
