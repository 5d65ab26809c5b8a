export * from './metrics.module.js';
export { METRICS_PATH } from './metrics.controller.js';
