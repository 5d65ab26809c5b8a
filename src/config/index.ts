export * from './app.config.js';
export * from './webhook.config.js';
export * from './inbox.config.js';
export * from './admin.config.js';
export * from './http.config.js';
export * from './environment.js';
export * from './app-config.module.js';
