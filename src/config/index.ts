export * from './app.config.js';
export * from './webhook.config.js';
export * from './inbox.config.js';
export * from './admin.config.js';
export * from './logging.config.js';
export * from './message-log.config.js';
export * from './environment.js';
export * from './app-config.module.js';
