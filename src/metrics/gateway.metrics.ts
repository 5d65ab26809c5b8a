import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import {
  GATEWAY_ENDPOINTS,
  type GatewayEndpoint,
  type GatewayListener,
  GatewayObserver,
  type GatewayOutcome,
} from '../features/gateway-client/index.js';

/** Counts calls to the gateway's REST API reported through `GatewayObserver` (one per HTTP request, retries included). */
@Injectable()
export class GatewayMetrics implements GatewayListener, OnModuleInit, OnModuleDestroy {
  private readonly requestsTotal: Counter<'endpoint' | 'outcome'>;
  private readonly requestSeconds: Histogram<'endpoint'>;
  private unsubscribe?: () => void;

  constructor(
    private readonly observer: GatewayObserver,
    registry: Registry,
  ) {
    this.requestsTotal = new Counter({
      name: 'gowa_gateway_requests_total',
      help: 'HTTP requests to the gateway by endpoint and outcome (success, http_4xx, http_5xx, timeout, unreachable, connection_lost, bad_response).',
      labelNames: ['endpoint', 'outcome'],
      registers: [registry],
    });
    this.requestSeconds = new Histogram({
      name: 'gowa_gateway_request_duration_seconds',
      help: 'Duration of HTTP requests to the gateway, by endpoint.',
      labelNames: ['endpoint'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    });
    for (const endpoint of GATEWAY_ENDPOINTS) this.requestsTotal.inc({ endpoint, outcome: 'success' }, 0);
  }

  onModuleInit(): void {
    this.unsubscribe = this.observer.subscribe(this);
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  request(endpoint: GatewayEndpoint, outcome: GatewayOutcome, seconds: number): void {
    this.requestsTotal.inc({ endpoint, outcome });
    this.requestSeconds.observe({ endpoint }, seconds);
  }
}
