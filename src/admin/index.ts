export * from './admin.module.js';
export * from './admin.errors.js';
export * from './swagger.js';
