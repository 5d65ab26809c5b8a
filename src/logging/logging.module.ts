import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { loggingConfig } from '../config/index.js';
import { pinoParams } from './pino-options.js';

/**
 * Structured logs through pino. Every `new Logger(Context)` in the app writes through it once
 * `configureApp` installs it as the app logger.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [loggingConfig.KEY],
      useFactory: (config: ConfigType<typeof loggingConfig>) => pinoParams(config),
    }),
  ],
})
export class LoggingModule {}
