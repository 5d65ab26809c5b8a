import type { Provider } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One registry per app instance, never prom-client's global default: tests boot several apps in
 * one process, and a shared registry would mix their counts and refuse duplicate metric names.
 * The `Registry` class is the DI token.
 */
export const metricsRegistryProvider: Provider = {
  provide: Registry,
  useFactory: (): Registry => {
    const register = new Registry();
    collectDefaultMetrics({ register });
    return register;
  },
};
