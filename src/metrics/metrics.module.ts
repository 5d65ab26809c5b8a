import { Module } from '@nestjs/common';
import { GatewayClientModule } from '../features/gateway-client/index.js';
import { InboxModule } from '../inbox/index.js';
import { GatewayMetrics } from './gateway.metrics.js';
import { BacklogMetrics } from './backlog.metrics.js';
import { InboxMetrics } from './inbox.metrics.js';
import { MetricsController } from './metrics.controller.js';
import { SqliteCommitMetrics } from './sqlite-commit.metrics.js';
import { metricsRegistryProvider } from './metrics-registry.provider.js';

/** `GET /metrics` for Prometheus: webhook intake, handlers, dispatch, backlog, SQLite commits, gateway calls and process metrics. */
@Module({
  imports: [InboxModule, GatewayClientModule],
  controllers: [MetricsController],
  providers: [metricsRegistryProvider, InboxMetrics, BacklogMetrics, GatewayMetrics, SqliteCommitMetrics],
})
export class MetricsModule {}
