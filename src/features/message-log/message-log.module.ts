import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { messageLogConfig } from '../../config/index.js';
import { MessageLogQueryService } from './message-log-query.service.js';
import { MessageLogHandler } from './message-log.handler.js';
import { MessageLogRepository } from './message-log.repository.js';

/**
 * The message log: a handler module that stores every message with its receipts, edits,
 * revocations, deletions and reactions, and a query service (exported for the admin API).
 * With `MESSAGE_LOG_ENABLED=false` the handler is not created at all, so it subscribes to
 * nothing and leaves no handler outcomes; what was already logged stays queryable.
 */
@Module({
  providers: [
    MessageLogRepository,
    MessageLogQueryService,
    {
      provide: MessageLogHandler,
      inject: [messageLogConfig.KEY, MessageLogRepository],
      useFactory: (config: ConfigType<typeof messageLogConfig>, repository: MessageLogRepository) =>
        config.enabled ? new MessageLogHandler(repository) : null,
    },
  ],
  exports: [MessageLogQueryService],
})
export class MessageLogModule {}
