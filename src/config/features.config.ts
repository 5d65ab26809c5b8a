import { registerAs } from '@nestjs/config';
import { loadEnvironment } from './environment.js';
import { loadReplyCommands } from './reply-commands.js';

/** The gateway's REST API, used by every feature that writes to WhatsApp. */
export const gatewayConfig = registerAs('gateway', () => {
  const env = loadEnvironment();
  const [user, ...password] = env.GOWA_BASIC_AUTH?.split(':') ?? [];
  return {
    baseUrl: joinBase(env.GOWA_BASE_URL, env.GOWA_BASE_PATH),
    basicAuth: user === undefined ? undefined : { user, password: password.join(':') },
    timeoutMs: env.GOWA_TIMEOUT_MS,
    retries: env.GOWA_RETRIES,
  };
});

export const replyBotConfig = registerAs('replyBot', () => {
  const env = loadEnvironment();
  const table = loadReplyCommands(env.REPLY_BOT_COMMANDS, env.REPLY_BOT_COMMANDS_FILE);
  return {
    enabled: env.REPLY_BOT_ENABLED === 'true',
    // validateEnvironment has already refused a broken table.
    commands: table.ok ? table.commands : new Map<string, string>(),
    rateLimit: { max: env.REPLY_BOT_RATE_LIMIT, windowMs: env.REPLY_BOT_RATE_WINDOW_SECONDS * 1000 },
  };
});

export const groupWelcomeConfig = registerAs('groupWelcome', () => {
  const env = loadEnvironment();
  return {
    enabled: env.GROUP_WELCOME_ENABLED === 'true',
    templates: {
      join: env.GROUP_WELCOME_TEMPLATE,
      leave: env.GROUP_LEAVE_TEMPLATE,
      promote: env.GROUP_PROMOTE_TEMPLATE,
      demote: env.GROUP_DEMOTE_TEMPLATE,
    },
  };
});

export const translationConfig = registerAs('translation', () => {
  const env = loadEnvironment();
  return {
    enabled: env.TRANSLATION_ENABLED === 'true',
    apiUrl: env.TRANSLATION_API_URL,
    apiKey: env.TRANSLATION_API_KEY,
    defaultTarget: env.TRANSLATION_DEFAULT_TARGET,
    languages: new Set(env.TRANSLATION_LANGUAGES.split(',').map((code) => code.toLowerCase())),
    timeoutMs: env.TRANSLATION_TIMEOUT_MS,
    maxAttempts: env.TRANSLATION_MAX_ATTEMPTS,
    apology: env.TRANSLATION_APOLOGY,
  };
});

function joinBase(url: string, basePath: string | undefined): string {
  const base = url.replace(/\/+$/, '');
  const path = basePath?.replace(/^\/+|\/+$/g, '');
  return path ? `${base}/${path}` : base;
}
