export * from './lifecycle.module.js';
export * from './shutdown-state.js';
