export * from './group-welcome.module.js';
