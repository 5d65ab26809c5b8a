export * from './reply-bot.module.js';
