export * from './app.error.js';
export * from './error-body.js';
export * from './app-exception.filter.js';
export * from './json-body.js';
export * from './invalid-json.error.js';
export * from './periodic-task.js';
