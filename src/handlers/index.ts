export * from './messages/messages.module.js';
export * from './receipts/receipts.module.js';
export * from './groups/groups.module.js';
export * from './protocol/protocol.module.js';
