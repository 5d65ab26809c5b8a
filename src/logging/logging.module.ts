import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { loggingConfig } from '../config/index.js';
import { pinoParams } from './pino-options.js';
import { requestLogMiddleware } from './request-log.middleware.js';

/**
 * Structured logs through pino. Every `new Logger(Context)` in the app writes through it once
 * `configureApp` installs it as the app logger; every route Nest serves gets its request line
 * from `requestLogMiddleware`.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [loggingConfig.KEY],
      useFactory: (config: ConfigType<typeof loggingConfig>) => pinoParams(config),
    }),
  ],
})
export class LoggingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // nestjs-pino's pattern for "every path" (express 5's path-to-regexp has no bare `*`).
    consumer.apply(requestLogMiddleware()).forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}
