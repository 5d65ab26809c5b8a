export * from './gateway-client.module.js';
export * from './gateway.client.js';
export * from './gateway.errors.js';
export * from './gateway-device.js';
export * from './gateway-observer.js';
export type { OutgoingRef } from './outgoing-message.store.js';
export * from './outgoing-messages.service.js';
export * from './outgoing-messages.retention.js';
