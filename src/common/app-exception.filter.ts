import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AppError } from './app.error.js';
import type { ErrorBody } from './error-body.js';

/** Errors thrown by Express's body parsers carry a `type` and a `status`. */
interface BodyParserError {
  readonly type: string;
  readonly status: number;
}

const BODY_PARSER_ERRORS: Record<string, ErrorBody> = {
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than the limit.' },
  'request.aborted': { code: 'REQUEST_ABORTED', message: 'The request body was not received completely.' },
  'request.size.invalid': { code: 'BODY_LENGTH_MISMATCH', message: 'The request body does not match its Content-Length.' },
  'encoding.unsupported': { code: 'UNSUPPORTED_ENCODING', message: 'The request body encoding is not supported.' },
  'charset.unsupported': { code: 'UNSUPPORTED_CHARSET', message: 'The request body charset is not supported.' },
  'entity.parse.failed': { code: 'INVALID_JSON', message: 'The request body is not valid JSON.' },
};

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** The answer to an error we did not expect; the error itself is only logged. */
export const INTERNAL_ERROR_BODY: ErrorBody = Object.freeze({ code: 'INTERNAL_ERROR', message: 'Something went wrong on our side.' });

/**
 * The one place where errors become HTTP answers: `{code, message}` JSON with a stable code.
 * Bodies never echo the request, its headers or a stack trace; unexpected errors are logged
 * here (name and stack only) and answered with a plain 500.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(AppExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(exception);
    if (response.headersSent) return;
    if (exception instanceof AppError && exception.headers) response.set(exception.headers);
    response.status(status).json(body);
  }

  private describe(exception: unknown): [number, ErrorBody] {
    if (exception instanceof AppError) {
      return [exception.status, { code: exception.code, message: exception.message }];
    }
    if (isBodyParserError(exception)) {
      const known = BODY_PARSER_ERRORS[exception.type];
      if (known) return [exception.status, known];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return [status, { code: HTTP_CODES[status] ?? `HTTP_${status}`, message: safeHttpMessage(exception) }];
    }
    const error = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(`Unhandled ${error.name}`, error.stack);
    return [HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR_BODY];
  }
}

function isBodyParserError(value: unknown): value is BodyParserError {
  return (
    value instanceof Error &&
    typeof (value as Partial<BodyParserError>).type === 'string' &&
    typeof (value as Partial<BodyParserError>).status === 'number'
  );
}

/** Nest's own 404 message quotes the method and path; answer with a fixed text instead. */
function safeHttpMessage(exception: HttpException): string {
  if (exception.getStatus() === 404) return 'No such route.';
  return exception.message;
}
