import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module.js';
import { APP_OPTIONS, configureApp } from '../../src/bootstrap/create-app.js';
import { signBody } from '../../src/webhook/index.js';
import { gatewayJson } from './gateway-json.js';
import { RecordingModule } from './recording.handler.js';

export const TEST_SECRET = 'test-secret-0123456789abcdef';

/** Fast settings for tests; each test passes what it needs on top. */
const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  WHATSAPP_WEBHOOK_SECRET: TEST_SECRET,
  DISPATCH_POLL_INTERVAL_MS: '20',
  DISPATCH_BACKOFF_BASE_MS: '10',
  DISPATCH_BACKOFF_MAX_MS: '50',
  SHUTDOWN_TIMEOUT_MS: '2000',
};

/**
 * Boots the real AppModule (plus a recording handler module) with the given environment.
 * The environment is applied while the module compiles, when config namespaces are read.
 */
export async function startApp(env: Record<string, string | undefined>, extraImports: unknown[] = [RecordingModule]): Promise<INestApplication> {
  const merged = { ...TEST_ENV, ...env };
  const saved = { ...process.env };
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule, ...(extraImports as never[])] }).compile();
    const app = moduleRef.createNestApplication(APP_OPTIONS);
    configureApp(app);
    await app.init();
    return app;
  } finally {
    process.env = saved;
  }
}

/** POSTs a body to /webhook signed exactly as the gateway signs it. */
export function postSigned(app: INestApplication, body: unknown, secret = TEST_SECRET) {
  const raw = typeof body === 'string' || Buffer.isBuffer(body) ? body : gatewayJson(body);
  return request(app.getHttpServer())
    .post('/webhook')
    .set('Content-Type', 'application/json')
    .set('X-Hub-Signature-256', signBody(raw, secret))
    .send(raw);
}

/** Polls until `check` returns true (the dispatcher works asynchronously). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Waits until an app started as a child process answers `GET /health/ready` with 200. */
export function waitUntilReady(baseUrl: string, timeoutMs = 30_000): Promise<void> {
  return eventually(async () => (await fetch(`${baseUrl}/health/ready`).catch(() => undefined))?.status === 200, timeoutMs, `${baseUrl} to be ready`);
}
