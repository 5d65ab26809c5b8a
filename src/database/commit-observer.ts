import { Injectable, Logger } from '@nestjs/common';

/** What SQLite's group commit reports: the costs an acknowledgment waits for. */
export interface CommitListener {
  /** A batch of `jobs` writes committed (or failed to) in `seconds`, its WAL sync not included. */
  committed?(jobs: number, seconds: number): void;
  /** The WAL sync that made a batch durable took `seconds`, from its commit to its callers' answer. */
  walSynced?(seconds: number): void;
  /** A WAL close-out held every commit back for `seconds` (see `WalCheckpointer`). */
  commitsHeld?(seconds: number): void;
}

/**
 * A small multicast hub, so the database layer reports its commit timings without depending on a
 * metrics library: with no listener every call is a no-op; MetricsModule subscribes at init. A
 * failing listener is logged and never breaks a commit.
 */
@Injectable()
export class CommitObserver {
  private readonly logger = new Logger(CommitObserver.name);
  private readonly listeners = new Set<CommitListener>();

  /** Returns the unsubscribe function. */
  subscribe(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  committed(jobs: number, seconds: number): void {
    this.notify((l) => l.committed?.(jobs, seconds));
  }

  walSynced(seconds: number): void {
    this.notify((l) => l.walSynced?.(seconds));
  }

  commitsHeld(seconds: number): void {
    this.notify((l) => l.commitsHeld?.(seconds));
  }

  private notify(call: (listener: CommitListener) => void): void {
    for (const listener of this.listeners) {
      try {
        call(listener);
      } catch (error) {
        this.logger.warn(`A commit listener failed: ${(error as Error).name}: ${(error as Error).message}`);
      }
    }
  }
}
