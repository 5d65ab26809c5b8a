import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { setupSwagger } from '../admin/index.js';
import { AppModule } from '../app.module.js';
import { httpConfig } from '../config/index.js';
import { mountWebhookEndpoint } from '../webhook/index.js';
import { answerClientErrors } from './client-errors.js';
import { applyServerTimeouts } from './server-timeouts.js';

/**
 * Options every instance of the app needs, in production and in tests alike. The global body
 * parsers are off: the webhook route reads raw bytes itself (the signature covers them). Boot
 * logs wait in a buffer until pino takes over, so every line has the same shape.
 */
export const APP_OPTIONS = { bodyParser: false, bufferLogs: true } as const;

/** Settings applied to the created app, shared by `main.ts` and the e2e tests. */
export function configureApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  express.set('trust proxy', false);
  setupSwagger(app);
  applyServerTimeouts(app.getHttpServer(), app.get(httpConfig.KEY));
  answerClientErrors(app.getHttpServer());
  mountWebhookEndpoint(app);
}

export async function createApp(): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule, APP_OPTIONS);
  configureApp(app);
  // SIGTERM/SIGINT run Nest's shutdown hooks: readiness down, drain, close (see ShutdownState).
  app.enableShutdownHooks();
  return app;
}
