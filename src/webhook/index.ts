export * from './webhook.module.js';
export * from './signature-verifier.js';
export * from './webhook-ack.dto.js';
export * from './mount-webhook-endpoint.js';
