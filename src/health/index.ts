export * from './health.module.js';
export * from './shutdown-state.js';
