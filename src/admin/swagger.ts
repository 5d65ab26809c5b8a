import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { securityHeaders } from './security-headers.middleware.js';

export const DOCS_PATH = 'docs';
export const DOCS_JSON_PATH = 'docs-json';

const configured = new WeakSet<INestApplication>();

/**
 * Serves the OpenAPI document at `/docs-json` and the Swagger UI at `/docs`, with the same
 * security headers as the admin API. Call it before `app.init()`/`listen()`; a second call is a no-op.
 */
export function setupSwagger(app: INestApplication): void {
  if (configured.has(app)) return;
  configured.add(app);
  const config = new DocumentBuilder()
    .setTitle('gowa-webhook-receiver')
    .setDescription('Webhook receiver for the WhatsApp gateway: admin API over the durable inbox and the message log.')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  app.use(`/${DOCS_PATH}`, securityHeaders);
  app.use(`/${DOCS_JSON_PATH}`, securityHeaders);
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: DOCS_JSON_PATH, raw: ['json'] });
}
