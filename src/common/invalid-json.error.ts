import { AppError } from './app.error.js';

/** A body that is not valid JSON, on any route that reads one. */
export class InvalidJsonError extends AppError {
  readonly status = 400;
  readonly code = 'INVALID_JSON';

  constructor() {
    super('The request body is not valid JSON.');
  }
}
