import { Module } from '@nestjs/common';
import { GatewayClientModule } from '../features/gateway-client/index.js';
import { InboxModule } from '../inbox/index.js';
import { GatewayMetrics } from './gateway.metrics.js';
import { BacklogMetrics } from './backlog.metrics.js';
import { InboxMetrics } from './inbox.metrics.js';
import { MetricsController } from './metrics.controller.js';
import { metricsRegistryProvider } from './metrics-registry.provider.js';

/** `GET /metrics` for Prometheus: webhook intake, handlers, dispatch, backlog, gateway calls and process metrics. */
@Module({
  imports: [InboxModule, GatewayClientModule],
  controllers: [MetricsController],
  providers: [metricsRegistryProvider, InboxMetrics, BacklogMetrics, GatewayMetrics],
})
export class MetricsModule {}
