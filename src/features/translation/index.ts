export * from './translation.module.js';
