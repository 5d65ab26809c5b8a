import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { translationConfig } from '../../config/index.js';
import { TranslationFailedError } from './translation.errors.js';

/**
 * A LibreTranslate-compatible API: `POST {url}` with `{q, source: "auto", target, format, api_key?}`,
 * answering `{translatedText}`. Errors never carry the text or the key.
 */
@Injectable()
export class TranslationApiClient {
  constructor(@Inject(translationConfig.KEY) private readonly config: ConfigType<typeof translationConfig>) {}

  async translate(text: string, target: string): Promise<string> {
    const body = { q: text, source: 'auto', target, format: 'text', ...(this.config.apiKey ? { api_key: this.config.apiKey } : {}) };
    let response: Response;
    let answer: unknown;
    try {
      response = await fetch(this.config.apiUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      answer = await response.json().catch(() => undefined);
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new TranslationFailedError(timedOut ? `no answer within ${this.config.timeoutMs} ms` : 'API unreachable', true);
    }
    if (!response.ok) {
      // A 4xx (bad language, bad key) will not pass on retry; overload and 5xx may.
      const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
      throw new TranslationFailedError(`HTTP ${response.status}`, retryable, response.status);
    }
    const translated = (answer as { translatedText?: unknown } | undefined)?.translatedText;
    if (typeof translated !== 'string' || translated.trim() === '') throw new TranslationFailedError('no translatedText in the answer', true);
    return translated;
  }
}
