import { type FileHandle, open } from 'node:fs/promises';

/**
 * Makes committed SQLite WAL frames durable with `fdatasync` on libuv's thread pool, so the event
 * loop keeps serving requests while the disk flushes.
 *
 * SQLite's `synchronous=FULL` syncs the WAL inside COMMIT, blocking the event loop for the whole
 * flush (1–2 ms per commit here, the largest single cost of the ack path; docs/PERFORMANCE.md).
 * Group commit instead commits its batch with `synchronous=NORMAL`, which still writes the frames
 * to the WAL file at COMMIT but skips the sync, and then calls `sync()` before answering anyone.
 * A commit whose frames are on disk survives power loss exactly as under FULL: recovery replays
 * every committed frame of the WAL (SQLite itself syncs the WAL before each checkpoint, and the
 * WAL header when the file is reused). One `sync()` covers every commit written before it.
 */
export class WalSync {
  private handle?: Promise<FileHandle>;
  private running?: Promise<void>;
  private next?: Promise<void>;

  constructor(private readonly walPath: string) {}

  /**
   * Resolves once a sync that started after this call has finished, so everything committed
   * before the call is on disk. Callers that arrive while a sync runs (it may have started before
   * their commit) share the one that follows it: at most one waits, however many commit meanwhile.
   */
  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.datasync().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        return this.sync();
      });
    return this.next;
  }

  private async datasync(): Promise<void> {
    // Opened on first use: SQLite creates the -wal file with the first write. Linux syncs a
    // file's data whichever descriptor asks.
    this.handle ??= open(this.walPath, 'r');
    try {
      await (await this.handle).datasync();
    } catch (error) {
      this.handle = undefined;
      throw error;
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    if (handle) await (await handle).close().catch(() => undefined);
  }
}
