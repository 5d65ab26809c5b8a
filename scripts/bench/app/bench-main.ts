import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../../src/app.module.js';
import { APP_OPTIONS, configureApp } from '../../../src/bootstrap/create-app.js';
import { appConfig } from '../../../src/config/index.js';
import { benchHandlerModules } from './bench-handlers.js';

/**
 * The production app as `main.ts` starts it, plus `BENCH_EXTRA_HANDLERS` no-op handler modules
 * for the growth figure. Compiled only by `npm run bench` (scripts/bench/app/tsconfig.json), so
 * nothing here can be loaded by the production entry point.
 */
async function bootstrap(): Promise<void> {
  const extra = Number(process.env.BENCH_EXTRA_HANDLERS ?? '0');
  @Module({ imports: [AppModule, ...benchHandlerModules(extra)] })
  class BenchAppModule {}

  const app = await NestFactory.create(extra > 0 ? BenchAppModule : AppModule, APP_OPTIONS);
  configureApp(app);
  app.enableShutdownHooks();
  const { port } = app.get<{ port: number }>(appConfig.KEY);
  await app.listen(port, '127.0.0.1');
  new Logger('Bench').log(`Listening on ${port} with ${extra} extra handler module(s)`);
}

bootstrap().catch((error: unknown) => {
  new Logger('Bench').error(`Failed to start: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
