/** The translation API failed; `retryable` says whether trying again later can help. */
export class TranslationFailedError extends Error {
  readonly code = 'TRANSLATION_FAILED';

  constructor(
    reason: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(`Translation failed: ${reason}`);
    this.name = 'TranslationFailedError';
  }
}
