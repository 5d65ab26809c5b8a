import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AdminBadRequestError } from './admin.errors.js';

/** Names each failing field and rule (nested ones by path); class-validator messages carry no values. */
function problemsOf(errors: readonly ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = `${prefix}${error.property}`;
    const own = Object.values(error.constraints ?? {});
    return [...own, ...problemsOf(error.children ?? [], `${path}.`)];
  });
}

/** Validation for admin queries and bodies: unknown fields are refused, answers are 400 ADMIN_BAD_REQUEST. */
export const adminValidationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => new AdminBadRequestError(problemsOf(errors)),
});
