import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { FeatureEnvironmentVariables } from './features.environment.js';
import { loadReplyCommands } from './reply-commands.js';

/** The gateway's own default secret: fine for a first run, refused in production. */
export const GATEWAY_DEFAULT_SECRET = 'secret';
export const MIN_PRODUCTION_SECRET_LENGTH = 16;
export const MIN_PRODUCTION_ADMIN_TOKEN_LENGTH = 24;

const toTrimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const blankAsUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * Every environment variable the service reads, validated once per boot. Defaults live here,
 * in one place. `process.env` is read only in this folder.
 */
export class EnvironmentVariables extends FeatureEnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  PORT = 3001;

  @IsOptional() @Transform(blankAsUndefined) @IsString()
  WHATSAPP_WEBHOOK_SECRET?: string;

  /** Largest accepted webhook body, in bytes. */
  @Type(() => Number) @IsInt() @Min(1024) @Max(64 * 1024 * 1024)
  WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

  @IsOptional() @Transform(blankAsUndefined) @Transform(toTrimmed)
  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, { message: 'DATABASE_URL must be sqlite:<path> or postgres://…' })
  DATABASE_URL?: string;

  /** `false` behind a pooler that cannot keep a connection's prepared statements (PgBouncer in transaction mode). */
  @IsIn(['true', 'false'])
  DATABASE_PREPARED_STATEMENTS: 'true' | 'false' = 'true';

  @IsIn(['database', 'redis', 'memory'])
  DEDUPE_STORE: 'database' | 'redis' | 'memory' = 'database';

  @IsOptional() @Transform(blankAsUndefined) @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be redis://…' })
  REDIS_URL?: string;

  @Type(() => Number) @IsInt() @Min(1)
  DEDUPE_WINDOW_SECONDS = 7 * 24 * 3600;

  @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  DEDUPE_MEMORY_MAX_ENTRIES = 100_000;

  /** Off for an ingest-only replica; deliveries then wait for a replica that dispatches. */
  @IsIn(['true', 'false'])
  DISPATCHER_ENABLED: 'true' | 'false' = 'true';

  @Type(() => Number) @IsInt() @Min(1) @Max(100)
  DISPATCH_MAX_ATTEMPTS = 8;

  @Type(() => Number) @IsInt() @Min(0)
  DISPATCH_BACKOFF_BASE_MS = 1000;

  @Type(() => Number) @IsInt() @Min(0)
  DISPATCH_BACKOFF_MAX_MS = 5 * 60 * 1000;

  // Deliveries wait for group commits, so throughput is concurrency ÷ per-delivery latency: at 16 the
  // dispatcher topped out below 1,000 events/s on SQLite (end-to-end p50 ~200 ms); at 64, p50 ~8 ms.
  @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  DISPATCH_CONCURRENCY = 64;

  /**
   * While more webhook requests than this await their answer, the dispatcher runs at most
   * DISPATCH_BURST_CONCURRENCY deliveries, leaving the event loop to acknowledgments; the backlog
   * is worked off as soon as the burst passes. 0 turns this off.
   */
  @Type(() => Number) @IsInt() @Min(0) @Max(100_000)
  DISPATCH_BURST_THRESHOLD = 16;

  @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  DISPATCH_BURST_CONCURRENCY = 2;

  /**
   * Waiting requests count as a burst only while they arrive at least this fast (per second).
   * Slower traffic the dispatcher keeps up with, so it goes on processing it as it comes: requests
   * that pile up then are a slow disk or a pause, not a burst. 0 counts any pile-up.
   */
  @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000)
  DISPATCH_BURST_MIN_RATE = 1_200;

  /**
   * The dispatcher yields to a burst only while the deliveries it takes have waited for their run
   * no longer than this: a burst is acknowledged first and still processed within the bound.
   */
  @Type(() => Number) @IsInt() @Min(0) @Max(3_600_000)
  DISPATCH_BURST_MAX_DELAY_MS = 10_000;

  @Type(() => Number) @IsInt() @Min(5) @Max(60_000)
  DISPATCH_POLL_INTERVAL_MS = 250;

  @Type(() => Number) @IsInt() @Min(10)
  HANDLER_TIMEOUT_MS = 30_000;

  /** How long a claimed event stays with one replica before another may take it over. */
  @Type(() => Number) @IsInt() @Min(1000)
  INBOX_LEASE_MS = 120_000;

  @Type(() => Number) @IsInt() @Min(1)
  RETENTION_PROCESSED_HOURS = 14 * 24;

  @Type(() => Number) @IsInt() @Min(10) @Max(100_000)
  RETENTION_BATCH_SIZE = 1000;

  @Type(() => Number) @IsInt() @Min(1000)
  RETENTION_INTERVAL_MS = 10 * 60 * 1000;

  /** Bearer token of the admin API (`/admin`); the API answers 404 while it is unset. */
  @IsOptional() @Transform(blankAsUndefined) @IsString()
  ADMIN_TOKEN?: string;

  /** Unset: `debug` in development, `error` in tests, `info` otherwise. */
  @IsOptional() @Transform(blankAsUndefined) @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

  /** Unset: `pretty` in development (when pino-pretty is installed), `json` otherwise. */
  @IsOptional() @Transform(blankAsUndefined) @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  /** Off to stop recording messages (the admin API still reads what was recorded). */
  @IsIn(['true', 'false'])
  MESSAGE_LOG_ENABLED: 'true' | 'false' = 'true';

  /** A client must send all request headers within this time (slow-header clients are cut off). */
  @Type(() => Number) @IsInt() @Min(1000) @Max(600_000)
  HTTP_HEADERS_TIMEOUT_MS = 10_000;

  /** A client must send the whole request, body included, within this time (slow-body clients are cut off). */
  @Type(() => Number) @IsInt() @Min(1000) @Max(3_600_000)
  HTTP_REQUEST_TIMEOUT_MS = 30_000;

  /** An idle keep-alive connection is closed after this time. */
  @Type(() => Number) @IsInt() @Min(1000) @Max(600_000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 65_000;

  @Type(() => Number) @IsInt() @Min(0)
  SHUTDOWN_DRAIN_DELAY_MS = 0;

  @Type(() => Number) @IsInt() @Min(100)
  SHUTDOWN_TIMEOUT_MS = 20_000;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration (${problems.length} problem(s)):\n - ${problems.join('\n - ')}`);
    this.name = 'ConfigValidationError';
  }
}

/**
 * Validates the whole environment and reports every problem at once. Messages name the
 * variable and the rule, never the value (a secret must not reach a log).
 */
export function validateEnvironment(raw: Record<string, string | undefined>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const problems = validateSync(env, { skipMissingProperties: false, validationError: { value: false, target: false } })
    .flatMap((error) => Object.values(error.constraints ?? {}));
  problems.push(...secretProblems(env));
  problems.push(...adminTokenProblems(env));
  if (env.DEDUPE_STORE === 'redis' && !env.REDIS_URL) problems.push('DEDUPE_STORE=redis needs REDIS_URL');
  if (env.INBOX_LEASE_MS <= env.HANDLER_TIMEOUT_MS) problems.push('INBOX_LEASE_MS must be longer than HANDLER_TIMEOUT_MS');
  problems.push(...featureProblems(env));
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
    problems.push('HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS');
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return env;
}

function secretProblems(env: EnvironmentVariables): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const secrets = parseSecretList(env.WHATSAPP_WEBHOOK_SECRET);
  if (secrets.length === 0) return ['WHATSAPP_WEBHOOK_SECRET is required when NODE_ENV=production'];
  const problems: string[] = [];
  secrets.forEach((secret, index) => {
    if (secret === GATEWAY_DEFAULT_SECRET) {
      problems.push(`WHATSAPP_WEBHOOK_SECRET #${index + 1} is the gateway's default "secret"; set your own`);
    } else if (secret.length < MIN_PRODUCTION_SECRET_LENGTH) {
      problems.push(`WHATSAPP_WEBHOOK_SECRET #${index + 1} is shorter than ${MIN_PRODUCTION_SECRET_LENGTH} characters`);
    }
  });
  return problems;
}

function featureProblems(env: EnvironmentVariables): string[] {
  const problems: string[] = [];
  const table = loadReplyCommands(env.REPLY_BOT_COMMANDS, env.REPLY_BOT_COMMANDS_FILE);
  if (env.REPLY_BOT_ENABLED === 'true' && !table.ok) problems.push(table.problem);
  // The apology is sent on the last translation attempt; the inbox must allow that many.
  if (env.TRANSLATION_ENABLED === 'true' && env.TRANSLATION_MAX_ATTEMPTS > env.DISPATCH_MAX_ATTEMPTS) {
    problems.push('TRANSLATION_MAX_ATTEMPTS must not exceed DISPATCH_MAX_ATTEMPTS');
  }
  return problems;
}

function adminTokenProblems(env: EnvironmentVariables): string[] {
  if (env.NODE_ENV !== 'production' || env.ADMIN_TOKEN === undefined) return [];
  if (env.ADMIN_TOKEN.length < MIN_PRODUCTION_ADMIN_TOKEN_LENGTH) {
    return [`ADMIN_TOKEN is shorter than ${MIN_PRODUCTION_ADMIN_TOKEN_LENGTH} characters`];
  }
  return [];
}

/** `a,b` → `['a','b']`: several secrets verify at once, so one can be rotated without downtime. */
export function parseSecretList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((secret) => secret.trim())
    .filter((secret) => secret.length > 0);
}

/** Reads and validates `process.env`; each config namespace calls it, so a test can change env per app. */
export function loadEnvironment(): EnvironmentVariables {
  return validateEnvironment(process.env);
}
