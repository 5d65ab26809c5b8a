import type { Logger } from '@nestjs/common';

/**
 * The listeners of an observer (`InboxObserver`, `CommitObserver`, `GatewayObserver`): code reports
 * what happens through an observer without depending on a metrics library, and with no listener
 * every report is a no-op. A failing listener is logged (its error's name and message, never the
 * values reported) and never breaks the code that reported.
 */
export class ListenerSet<L> {
  private readonly listeners = new Set<L>();

  /** `what` names the listeners in the warning: "An inbox listener failed: …". */
  constructor(
    private readonly logger: Logger,
    private readonly what: string,
  ) {}

  /** Returns the unsubscribe function. */
  subscribe(listener: L): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(call: (listener: L) => void): void {
    for (const listener of this.listeners) {
      try {
        call(listener);
      } catch (error) {
        this.logger.warn(`${this.what} listener failed: ${(error as Error).name}: ${(error as Error).message}`);
      }
    }
  }
}
