export * from './logging.module.js';
export * from './redaction.js';
export * from './request-id.js';
export { REQUEST_LINE_OPTIONS } from './pino-options.js';
