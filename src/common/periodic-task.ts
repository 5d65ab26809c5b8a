import type { Logger } from '@nestjs/common';

/**
 * Runs `work` every `intervalMs`, never twice at once, without keeping the process alive; a
 * failure is logged and the next tick tries again. `stop()` waits for a run in progress.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly what: string,
    private readonly work: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.running ??= this.work()
        .catch((error: Error) => this.logger.warn(`${this.what} failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
