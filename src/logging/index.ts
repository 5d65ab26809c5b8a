export * from './logging.module.js';
export * from './redaction.js';
export * from './request-id.js';
export * from './request-line.js';
