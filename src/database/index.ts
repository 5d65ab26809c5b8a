export * from './database.js';
export * from './database.types.js';
export * from './database.module.js';
export * from './migrate.js';
export * from './group-commit.js';
export * from './query-template.js';
export * from './commit-observer.js';
