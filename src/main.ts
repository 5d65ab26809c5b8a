import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigValidationError, appConfig } from './config/index.js';
import { createApp } from './bootstrap/create-app.js';

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const { port } = app.get<{ port: number }>(appConfig.KEY);
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
