import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { WebhookEndpoint } from './webhook-endpoint.js';

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Puts `WebhookEndpoint` in front of the app's request listener (Express with Nest's router):
 * `/webhook` is answered there, every other request goes on to Express unchanged. Call it once,
 * before `listen()`.
 */
export function mountWebhookEndpoint(app: INestApplication): void {
  const server = app.getHttpServer() as Server;
  const endpoint = app.get(WebhookEndpoint);
  const others = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (endpoint.matches(request)) endpoint.handle(request, response);
    else for (const listener of others) listener.call(server, request, response);
  });
}
