import { AppError } from '../common/index.js';

/** The inbox could not commit: the gateway must retry, so the answer is 503, never 2xx. */
export class InboxUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'INBOX_UNAVAILABLE';
  override readonly headers = { 'Retry-After': '2' };

  constructor() {
    super('The event could not be stored; retry later.');
  }
}
