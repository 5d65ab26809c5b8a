import type { Server } from 'node:http';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import { appConfig } from '../config/index.js';
import { closeListener } from './close-listener.js';

/**
 * The graceful shutdown's clock and its first steps. Nest runs `onModuleDestroy` before every
 * other shutdown hook, so on SIGTERM readiness reports "down" at once; the listener stays open
 * for the drain delay while endpoints and proxies stop sending, then closes and lets requests in
 * flight finish. Everything after that (the dispatcher's handlers) shares one deadline:
 * drain delay + SHUTDOWN_TIMEOUT_MS, which the pod's grace period must exceed.
 */
@Injectable()
export class ShutdownState implements OnModuleDestroy {
  private readonly logger = new Logger(ShutdownState.name);
  private deadline?: number;

  constructor(
    @Inject(appConfig.KEY) private readonly config: ConfigType<typeof appConfig>,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  get isShuttingDown(): boolean {
    return this.deadline !== undefined;
  }

  /** Time left for shutdown work; the full timeout while the app is serving. */
  remainingMs(): number {
    if (this.deadline === undefined) return this.config.shutdownTimeoutMs;
    return Math.max(0, this.deadline - Date.now());
  }

  async onModuleDestroy(): Promise<void> {
    const { shutdownDrainDelayMs: delay, shutdownTimeoutMs: timeout } = this.config;
    this.deadline = Date.now() + delay + timeout;
    if (delay > 0) {
      this.logger.log(`Shutting down: readiness is down, closing the listener in ${delay} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server?.listening) {
      const closed = await closeListener(server, this.remainingMs());
      if (!closed) this.logger.warn('Requests still open at the shutdown deadline were cut off');
    }
  }
}
