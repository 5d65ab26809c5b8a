import { AppError } from '../common/index.js';

/** Missing or wrong admin token. */
export class AdminUnauthorizedError extends AppError {
  readonly status = 401;
  readonly code = 'ADMIN_UNAUTHORIZED';
  override readonly headers = { 'WWW-Authenticate': 'Bearer' };

  constructor() {
    super('A valid admin token is required: Authorization: Bearer <token>.');
  }
}

/** The admin API is off (no `ADMIN_TOKEN`): answer exactly like a route that does not exist. */
export class AdminDisabledError extends AppError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';

  constructor() {
    super('No such route.');
  }
}

/** A query or body that failed validation; the message names fields and rules, never values. */
export class AdminBadRequestError extends AppError {
  readonly status = 400;
  readonly code = 'ADMIN_BAD_REQUEST';

  constructor(problems: readonly string[]) {
    super(problems.length > 0 ? `Invalid request: ${problems.join('; ')}` : 'Invalid request.');
  }
}

export class DeliveryNotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'DELIVERY_NOT_FOUND';

  constructor() {
    super('No delivery has this id.');
  }
}
