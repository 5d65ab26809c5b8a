import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AdminModule, setupSwagger } from '../../src/admin/index.js';
import { AppModule } from '../../src/app.module.js';
import { APP_OPTIONS, configureApp } from '../../src/bootstrap/create-app.js';
import { RecordingModule } from './recording.handler.js';
import { TEST_SECRET } from './test-app.js';

export const ADMIN_TEST_TOKEN = 'admin-token-0123456789abcdef-xyz';

const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  WHATSAPP_WEBHOOK_SECRET: TEST_SECRET,
  DISPATCH_POLL_INTERVAL_MS: '20',
  DISPATCH_BACKOFF_BASE_MS: '10',
  DISPATCH_BACKOFF_MAX_MS: '50',
  SHUTDOWN_TIMEOUT_MS: '2000',
};

/**
 * Like `startApp`, with the AdminModule and the Swagger document, which must be set up before
 * `app.init()` (as `configureApp` will do once it calls `setupSwagger`).
 */
export async function startAdminApp(env: Record<string, string | undefined>): Promise<INestApplication> {
  const saved = { ...process.env };
  for (const [key, value] of Object.entries({ ...TEST_ENV, ...env })) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule, AdminModule, RecordingModule] }).compile();
    const app = moduleRef.createNestApplication(APP_OPTIONS);
    configureApp(app);
    setupSwagger(app);
    await app.init();
    return app;
  } finally {
    process.env = saved;
  }
}
