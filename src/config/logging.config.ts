import { registerAs } from '@nestjs/config';
import { loadEnvironment } from './environment.js';

const DEFAULT_LEVELS = { development: 'debug', test: 'error', production: 'info' } as const;

/** Log level and format; JSON lines for machines unless someone is watching a development terminal. */
export const loggingConfig = registerAs('logging', () => {
  const env = loadEnvironment();
  return {
    level: env.LOG_LEVEL ?? DEFAULT_LEVELS[env.NODE_ENV],
    format: env.LOG_FORMAT ?? (env.NODE_ENV === 'development' ? 'pretty' : 'json'),
  };
});
