export * from './message-log.module.js';
export * from './message-log-query.service.js';
export * from './message-log.entry.js';
export { MESSAGE_STATUSES, type MessageStatus } from './message-log.rows.js';
