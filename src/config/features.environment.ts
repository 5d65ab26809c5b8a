import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const blankAsUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * Environment of the gateway client and the example feature modules (reply bot, group welcome,
 * translation). A base class of `EnvironmentVariables`, kept apart so the core file stays small.
 * Features are off by default: this service never writes to WhatsApp unless asked to.
 */
export class FeatureEnvironmentVariables {
  /** The gateway's REST API, optionally with its base path (`APP_BASE_PATH`). */
  @Transform(blankAsUndefined)
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { message: 'GOWA_BASE_URL must be an http(s) URL without query, e.g. http://localhost:3000' })
  GOWA_BASE_URL = 'http://localhost:3000';

  @IsOptional() @Transform(blankAsUndefined)
  @Matches(/^\/[^\s?#]*$/, { message: 'GOWA_BASE_PATH must start with / (e.g. /gowa)' })
  GOWA_BASE_PATH?: string;

  /** The gateway's `APP_BASIC_AUTH`; the password may contain ':' but neither part may be empty. */
  @IsOptional() @Transform(blankAsUndefined)
  @Matches(/^[^:\s]+:\S.*$/, { message: 'GOWA_BASIC_AUTH must be user:pass' })
  GOWA_BASIC_AUTH?: string;

  @Type(() => Number) @IsInt() @Min(100) @Max(120_000)
  GOWA_TIMEOUT_MS = 10_000;

  /** Extra tries for idempotent calls only (reaction, read, presence); a send is never blindly repeated. */
  @Type(() => Number) @IsInt() @Min(0) @Max(5)
  GOWA_RETRIES = 2;

  @IsIn(['true', 'false'])
  REPLY_BOT_ENABLED: 'true' | 'false' = 'false';

  /** A JSON or YAML file mapping commands to answers; replaces the default table. */
  @IsOptional() @Transform(blankAsUndefined) @IsString()
  REPLY_BOT_COMMANDS_FILE?: string;

  /** The same table inline, as JSON: `{"/hours":"9-17"}`; wins over the file. */
  @IsOptional() @Transform(blankAsUndefined) @IsString()
  REPLY_BOT_COMMANDS?: string;

  @Type(() => Number) @IsInt() @Min(1) @Max(10_000)
  REPLY_BOT_RATE_LIMIT = 5;

  @Type(() => Number) @IsInt() @Min(1) @Max(86_400)
  REPLY_BOT_RATE_WINDOW_SECONDS = 60;

  @IsIn(['true', 'false'])
  GROUP_WELCOME_ENABLED: 'true' | 'false' = 'false';

  @Transform(blankAsUndefined) @IsString()
  GROUP_WELCOME_TEMPLATE = 'Welcome to the group, {mention}! 👋';

  /** Unset: nothing is sent when members leave, are promoted or demoted. */
  @IsOptional() @Transform(blankAsUndefined) @IsString()
  GROUP_LEAVE_TEMPLATE?: string;

  @IsOptional() @Transform(blankAsUndefined) @IsString()
  GROUP_PROMOTE_TEMPLATE?: string;

  @IsOptional() @Transform(blankAsUndefined) @IsString()
  GROUP_DEMOTE_TEMPLATE?: string;

  @IsIn(['true', 'false'])
  TRANSLATION_ENABLED: 'true' | 'false' = 'false';

  /** A LibreTranslate-compatible `POST /translate` endpoint. */
  @Transform(blankAsUndefined)
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { message: 'TRANSLATION_API_URL must be an http(s) URL' })
  TRANSLATION_API_URL = 'http://localhost:5000/translate';

  @IsOptional() @Transform(blankAsUndefined) @IsString()
  TRANSLATION_API_KEY?: string;

  @Matches(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, { message: 'TRANSLATION_DEFAULT_TARGET must be a language code such as en' })
  TRANSLATION_DEFAULT_TARGET = 'en';

  /** Codes accepted as `/translate <code> <text>`; a first word outside this list is part of the text. */
  @Matches(/^[a-z]{2,3}(-[A-Za-z]{2,4})?(,[a-z]{2,3}(-[A-Za-z]{2,4})?)*$/, { message: 'TRANSLATION_LANGUAGES must be a comma-separated list of language codes' })
  TRANSLATION_LANGUAGES = 'ar,de,en,es,fr,hi,id,it,ja,ko,nl,pl,pt,ru,sv,tr,uk,vi,zh';

  @Type(() => Number) @IsInt() @Min(100) @Max(120_000)
  TRANSLATION_TIMEOUT_MS = 8_000;

  /** Failed translations (each retried by the inbox) before the user gets the apology instead. */
  @Type(() => Number) @IsInt() @Min(1) @Max(100)
  TRANSLATION_MAX_ATTEMPTS = 3;

  @Transform(blankAsUndefined) @IsString()
  TRANSLATION_APOLOGY = 'Sorry, translation is unavailable right now. Please try again later.';
}
