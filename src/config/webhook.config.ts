import { registerAs } from '@nestjs/config';
import { GATEWAY_DEFAULT_SECRET, loadEnvironment, parseSecretList } from './environment.js';

export const webhookConfig = registerAs('webhook', () => {
  const env = loadEnvironment();
  const configured = parseSecretList(env.WHATSAPP_WEBHOOK_SECRET);
  return {
    /** Outside production a missing secret falls back to the gateway's default (validation refuses it in production). */
    secrets: configured.length > 0 ? configured : [GATEWAY_DEFAULT_SECRET],
    usingDefaultSecret: configured.length === 0,
    bodyLimitBytes: env.WEBHOOK_BODY_LIMIT_BYTES,
  };
});
