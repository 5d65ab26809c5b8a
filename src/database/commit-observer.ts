import { Injectable, Logger } from '@nestjs/common';
import { ListenerSet } from '../common/listener-set.js';

/** What SQLite's group commit reports: the costs an acknowledgment waits for. */
export interface CommitListener {
  /** A batch of `jobs` writes committed (or failed to) in `seconds`, its WAL sync not included. */
  committed?(jobs: number, seconds: number): void;
  /** The WAL sync that made a batch durable took `seconds`, from its commit to its callers' answer. */
  walSynced?(seconds: number): void;
  /** A WAL close-out held every commit back for `seconds` (see `WalCheckpointer`). */
  commitsHeld?(seconds: number): void;
}

/** Reports commit timings to whoever listens (MetricsModule subscribes at init); never breaks a commit. */
@Injectable()
export class CommitObserver {
  private readonly listeners = new ListenerSet<CommitListener>(new Logger(CommitObserver.name), 'A commit');

  /** Returns the unsubscribe function. */
  subscribe(listener: CommitListener): () => void {
    return this.listeners.subscribe(listener);
  }

  committed(jobs: number, seconds: number): void {
    this.listeners.notify((l) => l.committed?.(jobs, seconds));
  }

  walSynced(seconds: number): void {
    this.listeners.notify((l) => l.walSynced?.(seconds));
  }

  commitsHeld(seconds: number): void {
    this.listeners.notify((l) => l.commitsHeld?.(seconds));
  }
}
