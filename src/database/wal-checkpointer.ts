import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { Logger } from '@nestjs/common';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * The checkpointer thread: its own connection to the database file, one PASSIVE checkpoint per
 * request. Evaluated source (CommonJS) rather than a module file, so it runs the same from the
 * compiled build and from the TypeScript sources under test; the driver's path comes from here.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String(error && error.message) });
  }
});
`;

const CLOSE_TIMEOUT_MS = 1000;
const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

/**
 * Copies the WAL back into the database file from a worker thread, once a second. SQLite's own
 * automatic checkpoint (every 1,000 pages) runs inside whichever COMMIT crosses the mark: page
 * copies and two fsyncs on the event loop, a 10–100 ms stall every few thousand events under load
 * (docs/PERFORMANCE.md). The app's connection therefore runs with `wal_autocheckpoint=0` while the
 * thread lives; should the thread die, SQLite's own checkpoints come back rather than the WAL growing. A
 * PASSIVE checkpoint never blocks the app's reads or writes; durability is unchanged (a checkpoint
 * syncs the WAL before copying and the database after).
 */
export class WalCheckpointer {
  private readonly logger = new Logger('WalCheckpointer');
  private readonly worker: Worker;
  private readonly timer: NodeJS.Timeout;
  private busy = false;
  private failing = false;
  private closed?: Promise<void>;
  private readonly exited: Promise<void>;

  /** `connection`: the app's own connection to the file, whose automatic checkpoints this replaces. */
  constructor(path: string, connection: BetterSqlite3.Database, intervalMs = 1000) {
    connection.pragma('wal_autocheckpoint = 0');
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver } });
    // Never the reason the process stays up; shutdown closes it explicitly.
    this.worker.unref();
    this.worker.on('message', (result: { ok: boolean; error?: string }) => this.settled(result));
    this.worker.on('error', (error) => this.settled({ ok: false, error: error.message }));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        if (!this.closed && connection.open) {
          this.logger.error('WAL checkpoint thread stopped; SQLite checkpoints on the app connection again');
          connection.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES}`);
        }
        resolve();
      }),
    );
    this.timer = setInterval(() => this.checkpoint(), intervalMs).unref();
  }

  private checkpoint(): void {
    if (this.busy || this.closed) return;
    this.busy = true;
    this.worker.postMessage('checkpoint');
  }

  private settled(result: { ok: boolean; error?: string }): void {
    this.busy = false;
    // Only changes of state are logged: a failing checkpoint repeats every second.
    if (!result.ok && !this.failing) this.logger.warn(`WAL checkpoint failed (${result.error}); the WAL grows until it succeeds`);
    if (result.ok && this.failing) this.logger.log('WAL checkpoints succeed again');
    this.failing = !result.ok;
  }

  /**
   * Stops the timer and the thread, its connection closed first. A thread that already died, or
   * does not stop within a second (stuck in a checkpoint), does not hold up the shutdown.
   */
  close(): Promise<void> {
    clearInterval(this.timer);
    this.closed ??= (async () => {
      this.worker.postMessage('close');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), CLOSE_TIMEOUT_MS).unref());
      if ((await Promise.race([this.exited, timeout])) === 'timeout') await this.worker.terminate();
    })();
    return this.closed;
  }
}
