import { registerAs } from '@nestjs/config';
import { loadEnvironment } from './environment.js';

export const appConfig = registerAs('app', () => {
  const env = loadEnvironment();
  return {
    nodeEnv: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    port: env.PORT,
    shutdownDrainDelayMs: env.SHUTDOWN_DRAIN_DELAY_MS,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  };
});
