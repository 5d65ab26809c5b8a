/** What one handler did with one delivery, as the dispatcher records it. */
export interface HandlerOutcome {
  readonly handler: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly durationMs: number;
}

/**
 * Passed by the dispatcher as the second argument of every emitted domain event. It lets each
 * `@OnWhatsAppEvent` handler skip itself when it already succeeded on an earlier attempt, bounds
 * its run time, and records its outcome, so a retry re-runs only the handlers that failed.
 */
export class HandlerRun {
  private readonly outcomes: HandlerOutcome[] = [];
  private readonly running: Promise<unknown>[] = [];

  constructor(
    readonly attempt: number,
    private readonly alreadySucceeded: ReadonlySet<string>,
    private readonly timeoutMs: number,
  ) {}

  async invoke(handler: string, run: () => unknown): Promise<void> {
    if (this.alreadySucceeded.has(handler)) return;
    const started = performance.now();
    const execution = this.withTimeout(handler, run);
    this.running.push(execution.catch(() => undefined));
    try {
      await execution;
      this.outcomes.push({ handler, ok: true, durationMs: performance.now() - started });
    } catch (error) {
      this.outcomes.push({ handler, ok: false, error: describeError(error), durationMs: performance.now() - started });
      throw error;
    }
  }

  /** Waits for every handler this run started, even after one of them failed. */
  async settled(): Promise<readonly HandlerOutcome[]> {
    await Promise.all(this.running);
    return this.outcomes;
  }

  private async withTimeout(handler: string, run: () => unknown): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HandlerTimeoutError(handler, this.timeoutMs)), this.timeoutMs);
    });
    try {
      return await Promise.race([Promise.resolve().then(run), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

export class HandlerTimeoutError extends Error {
  constructor(handler: string, timeoutMs: number) {
    super(`${handler} did not finish within ${timeoutMs} ms`);
    this.name = 'HandlerTimeoutError';
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 2000);
  return String(error).slice(0, 2000);
}
