import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { appConfig } from '../config/index.js';

/**
 * First step of a graceful shutdown. Nest runs `onModuleDestroy` before every other shutdown
 * hook, so readiness reports "down" here, then waits the drain delay while load balancers
 * stop sending traffic; the dispatcher drains and the listener closes after that.
 */
@Injectable()
export class ShutdownState implements OnModuleDestroy {
  private readonly logger = new Logger(ShutdownState.name);
  private draining = false;

  constructor(@Inject(appConfig.KEY) private readonly config: ConfigType<typeof appConfig>) {}

  get isShuttingDown(): boolean {
    return this.draining;
  }

  async onModuleDestroy(): Promise<void> {
    this.draining = true;
    const delay = this.config.shutdownDrainDelayMs;
    if (delay > 0) {
      this.logger.log(`Shutting down: readiness is down, closing in ${delay} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
