import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ConfigValidationError, appConfig, loadEnvironment } from './config/index.js';
import { createApp } from './bootstrap/create-app.js';
import { armShutdownWatchdog } from './bootstrap/shutdown-watchdog.js';

async function bootstrap(): Promise<void> {
  // Checked before Nest starts, so a bad environment is one list of problems, not a stack trace.
  loadEnvironment();
  const app = await createApp();
  const { port, shutdownDrainDelayMs, shutdownTimeoutMs } = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  armShutdownWatchdog(shutdownDrainDelayMs, shutdownTimeoutMs);
  await app.listen(port);
  new Logger('Bootstrap').log(`Listening on port ${port}: POST /webhook, GET /health`);
}

bootstrap().catch((error: unknown) => {
  const logger = new Logger('Bootstrap');
  // Config problems are listed without values; anything else is a real crash.
  if (error instanceof ConfigValidationError) logger.error(error.message);
  else logger.error(`Failed to start: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
