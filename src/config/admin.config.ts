import { registerAs } from '@nestjs/config';
import { loadEnvironment } from './environment.js';

/** The admin API (`/admin`) exists only while `ADMIN_TOKEN` is set. */
export const adminConfig = registerAs('admin', () => {
  const env = loadEnvironment();
  return {
    enabled: env.ADMIN_TOKEN !== undefined,
    token: env.ADMIN_TOKEN,
  };
});
