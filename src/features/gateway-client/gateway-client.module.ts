import { Module } from '@nestjs/common';
import { GatewayHttp } from './gateway-http.js';
import { GatewayObserver } from './gateway-observer.js';
import { GatewayClient } from './gateway.client.js';
import { OutgoingMessageStore } from './outgoing-message.store.js';
import { OutgoingMessagesRetention } from './outgoing-messages.retention.js';
import { OutgoingMessages } from './outgoing-messages.service.js';

/**
 * The gateway's REST API for handler modules: `GatewayClient` for plain calls, `OutgoingMessages`
 * for sends that must happen once per event. Uses the app's database (`outgoing_messages`).
 */
@Module({
  providers: [GatewayObserver, GatewayHttp, GatewayClient, OutgoingMessageStore, OutgoingMessages, OutgoingMessagesRetention],
  exports: [GatewayObserver, GatewayClient, OutgoingMessages, OutgoingMessagesRetention],
})
export class GatewayClientModule {}
