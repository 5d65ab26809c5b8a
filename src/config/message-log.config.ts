import { registerAs } from '@nestjs/config';
import { loadEnvironment } from './environment.js';

/** The message log handler (`src/features/message-log/`): on unless `MESSAGE_LOG_ENABLED=false`. */
export const messageLogConfig = registerAs('messageLog', () => {
  const env = loadEnvironment();
  return {
    enabled: env.MESSAGE_LOG_ENABLED === 'true',
  };
});
