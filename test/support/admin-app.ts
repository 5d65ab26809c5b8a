import type { INestApplication } from '@nestjs/common';
import { startApp } from './test-app.js';

export const ADMIN_TEST_TOKEN = 'admin-token-0123456789abcdef-xyz';

/** The real app (AdminModule and Swagger come with AppModule and `configureApp`). */
export function startAdminApp(env: Record<string, string | undefined>): Promise<INestApplication> {
  return startApp(env);
}
