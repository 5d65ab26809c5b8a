import { Injectable, Logger } from '@nestjs/common';
import { ListenerSet } from '../../common/listener-set.js';

export const GATEWAY_ENDPOINTS = ['send_message', 'reaction', 'read', 'chat_presence'] as const;
export type GatewayEndpoint = (typeof GATEWAY_ENDPOINTS)[number];

export const GATEWAY_OUTCOMES = ['success', 'http_4xx', 'http_5xx', 'timeout', 'unreachable', 'connection_lost', 'bad_response'] as const;
export type GatewayOutcome = (typeof GATEWAY_OUTCOMES)[number];

export interface GatewayListener {
  /** One HTTP request to the gateway ended (each retry is its own request). */
  request(endpoint: GatewayEndpoint, outcome: GatewayOutcome, seconds: number): void;
}

/**
 * Reports gateway calls to whoever listens (MetricsModule), the way `InboxObserver` does for the
 * inbox, so the client stays free of prom-client. A failing listener never fails a call.
 */
@Injectable()
export class GatewayObserver {
  private readonly listeners = new ListenerSet<GatewayListener>(new Logger(GatewayObserver.name), 'A gateway');

  subscribe(listener: GatewayListener): () => void {
    return this.listeners.subscribe(listener);
  }

  request(endpoint: GatewayEndpoint, outcome: GatewayOutcome, seconds: number): void {
    this.listeners.notify((listener) => listener.request(endpoint, outcome, seconds));
  }
}
