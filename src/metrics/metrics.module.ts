import { Module } from '@nestjs/common';
import { InboxModule } from '../inbox/index.js';
import { BacklogMetrics } from './backlog.metrics.js';
import { InboxMetrics } from './inbox.metrics.js';
import { MetricsController } from './metrics.controller.js';
import { metricsRegistryProvider } from './metrics-registry.provider.js';

/** `GET /metrics` for Prometheus: webhook intake, handlers, dispatch, backlog and process metrics. */
@Module({
  imports: [InboxModule],
  controllers: [MetricsController],
  providers: [metricsRegistryProvider, InboxMetrics, BacklogMetrics],
})
export class MetricsModule {}
