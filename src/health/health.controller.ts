import { Controller, Get } from '@nestjs/common';
import { HealthCheck, type HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { InboxHealthIndicator } from '../inbox/index.js';
import { ShutdownHealthIndicator } from './shutdown.health.js';

/**
 * `live`: the process answers (restart it if not). `ready`: it can take events now (the inbox
 * database answers, it is not shutting down). `/health`: both, for people and simple probes.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly inbox: InboxHealthIndicator,
    private readonly shutdown: ShutdownHealthIndicator,
  ) {}

  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.readiness();
  }

  @Get()
  @HealthCheck()
  overall(): Promise<HealthCheckResult> {
    return this.readiness();
  }

  private readiness(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.shutdown.check(),
      () => this.inbox.isHealthy(),
      () => this.inbox.dedupeStore(),
    ]);
  }
}
