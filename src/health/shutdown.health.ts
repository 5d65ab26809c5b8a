import { Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { ShutdownState } from '../lifecycle/index.js';

@Injectable()
export class ShutdownHealthIndicator {
  constructor(
    private readonly state: ShutdownState,
    private readonly health: HealthIndicatorService,
  ) {}

  check(key = 'lifecycle'): HealthIndicatorResult {
    const indicator = this.health.check(key);
    return this.state.isShuttingDown ? indicator.down({ state: 'shutting-down' }) : indicator.up({ state: 'serving' });
  }
}
