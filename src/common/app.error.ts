/**
 * Base of every error the service answers with on purpose: a stable machine-readable `code`,
 * an HTTP status and a message written for people. Messages never carry request data.
 */
export abstract class AppError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  /** Extra response headers, e.g. `Allow` on a 405 or `Retry-After` on a 503. */
  readonly headers?: Readonly<Record<string, string>>;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
