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
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, walFrames: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String(error && error.message) });
  }
});
`;

/** What the checkpointer needs of the app's writer (`GroupCommit`): a moment in which nothing commits. */
export interface CommitPause {
  /** Runs `work` once no commit is in progress, and starts none until it has settled. */
  whileNoCommit<T>(work: () => Promise<T>): Promise<T>;
}

export interface WalCheckpointerOptions {
  readonly intervalMs?: number;
  /** A WAL holding at least this many frames after a checkpoint is closed out (see below); 64 MiB of 4 KiB pages by default. */
  readonly closeOutFrames?: number;
  /** The longest a close-out holds commits back; a slower checkpoint finishes beside them. */
  readonly holdLimitMs?: number;
  /** After a burst has grown the WAL file, the first commit after a restart cuts it back to this size. */
  readonly walSizeLimitBytes?: number;
  /** A pass that took longer than this is followed by another before a close-out holds commits back. */
  readonly slowPassMs?: number;
  /** The most passes run after the first one before the close-out holds commits back regardless. */
  readonly catchUpPasses?: number;
}

type CheckpointResult = { readonly ok: true; readonly walFrames: number; readonly checkpointed: number } | { readonly ok: false; readonly error: string };

const CLOSE_TIMEOUT_MS = 1000;
const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1000;
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
/**
 * A close-out's hold lasts one checkpoint of the frames committed during the pass before it,
 * database fsync included: 5-18 ms under a burst on an empty inbox, 20-70 ms with 1,000,000 rows
 * (the copies land all over a large file). Once a second, that was the ack p99 there (~70 ms, ~23
 * without holds). Closing out at 64 MiB (the size the file is cut back to) instead of SQLite's
 * 1,000 pages makes holds a few times rarer; the WAL stays well under 128 MB (docs/PERFORMANCE.md).
 */
const CLOSE_OUT_FRAMES = WAL_SIZE_LIMIT_BYTES / 4096;
/**
 * The close-out's held pass copies what was committed since the pass before it: the more often
 * passes run, the less it has to copy. Every 250 ms instead of every second: ack p99 5-13 ms lower
 * in 6 of 7 pairs under a 50-connection burst (docs/PERFORMANCE.md).
 */
const CHECKPOINT_INTERVAL_MS = 250;
/** Holds took 5-17 ms under a 50-connection burst here; past this the webhooks' answers matter more. */
const HOLD_LIMIT_MS = 250;
/**
 * The held pass copies what was committed while the pass before it ran, so a slow pass (a large
 * file, where the copies land far apart) made a long hold: with 1,000,000 rows in the inbox, ~50 ms
 * per close-out under a 50-connection burst, every answer in flight waiting for it (ack p99 39-92
 * ms against ~20 on an empty inbox). Passes repeated until one is quick leave the held pass a few
 * milliseconds of commits to copy: ack p99 27-30 ms there (docs/PERFORMANCE.md, round 13). They
 * converge as long as a pass copies faster than commits add frames; past the cap the hold comes anyway.
 */
const SLOW_PASS_MS = 5;
const CATCH_UP_PASSES = 5;

/**
 * Copies the WAL back into the database file from a worker thread, four times a second. SQLite's own
 * automatic checkpoint (every 1,000 pages) runs inside whichever COMMIT crosses the mark: page
 * copies and two fsyncs on the event loop, a 10–100 ms stall every few thousand events under load
 * (docs/PERFORMANCE.md). The app's connection therefore runs with `wal_autocheckpoint=0` while the
 * thread lives; should the thread die, SQLite's own checkpoints come back rather than the WAL growing.
 * A PASSIVE checkpoint never blocks the app's reads or writes; durability is unchanged (a checkpoint
 * syncs the WAL before copying and the database after).
 *
 * Copying is not enough to keep the WAL small: SQLite writes from the start of the file again only
 * when a write begins with every frame already copied, and under steady traffic a commit always
 * lands while a checkpoint runs, so the file grew by every byte ever committed (550 MB in 14 s at
 * 1,000 events/s). So once a checkpoint leaves at least `closeOutFrames` frames behind it, further
 * passes copy what came in meanwhile until one is quick, and a last one copies the few frames added
 * during that one while the writer holds its commits back (a few milliseconds; `CommitPause`); the
 * next commit then restarts the WAL.
 */
export class WalCheckpointer {
  private readonly logger = new Logger('WalCheckpointer');
  private readonly worker: Worker;
  private readonly timer: NodeJS.Timeout;
  private readonly closeOutFrames: number;
  private readonly holdLimitMs: number;
  private readonly slowPassMs: number;
  private readonly catchUpPasses: number;
  private writer?: CommitPause;
  private pending?: (result: CheckpointResult) => void;
  private busy = false;
  private failing = false;
  private stopped = false;
  private closed?: Promise<void>;
  private readonly exited: Promise<void>;

  /** `connection`: the app's own connection to the file, whose automatic checkpoints this replaces. */
  constructor(path: string, connection: BetterSqlite3.Database, options: WalCheckpointerOptions = {}) {
    this.closeOutFrames = options.closeOutFrames ?? CLOSE_OUT_FRAMES;
    this.holdLimitMs = options.holdLimitMs ?? HOLD_LIMIT_MS;
    this.slowPassMs = options.slowPassMs ?? SLOW_PASS_MS;
    this.catchUpPasses = options.catchUpPasses ?? CATCH_UP_PASSES;
    connection.pragma('wal_autocheckpoint = 0');
    connection.pragma(`journal_size_limit = ${options.walSizeLimitBytes ?? WAL_SIZE_LIMIT_BYTES}`);
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver } });
    // Never the reason the process stays up; shutdown closes it explicitly.
    this.worker.unref();
    this.worker.on('message', (result: CheckpointResult) => this.answered(result));
    this.worker.on('error', (error) => this.answered({ ok: false, error: error.message }));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.stopped = true;
        this.answered({ ok: false, error: 'checkpoint thread stopped' });
        if (!this.closed && connection.open) {
          this.logger.error('WAL checkpoint thread stopped; SQLite checkpoints on the app connection again');
          connection.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES}`);
        }
        resolve();
      }),
    );
    this.timer = setInterval(() => void this.checkpoint(), options.intervalMs ?? CHECKPOINT_INTERVAL_MS).unref();
  }

  /** The writer whose commits a close-out holds back. Without one the WAL is copied, never closed out. */
  pauseCommitsWith(writer: CommitPause): void {
    this.writer = writer;
  }

  private async checkpoint(): Promise<void> {
    if (this.busy || this.closed) return;
    this.busy = true;
    try {
      let passStarted = performance.now();
      const copied = await this.request();
      if (!copied.ok || copied.walFrames < this.closeOutFrames || !this.writer) return;
      // Each further pass copies what came in during the one before, without holding anything back.
      for (let pass = 0; pass < this.catchUpPasses && performance.now() - passStarted >= this.slowPassMs; pass++) {
        passStarted = performance.now();
        if (!(await this.request()).ok) return;
      }
      // The few frames committed while the last pass ran, with no commit in between.
      const { closeOut } = await this.writer.whileNoCommit(async () => {
        const closeOut = this.request();
        const limit = new Promise<void>((resolve) => setTimeout(resolve, this.holdLimitMs).unref());
        await Promise.race([closeOut, limit]);
        return { closeOut };
      });
      await closeOut;
    } finally {
      this.busy = false;
    }
  }

  /** One checkpoint on the thread. Never rejects: a failure is logged and reported as the result. */
  private request(): Promise<CheckpointResult> {
    if (this.stopped) return Promise.resolve({ ok: false, error: 'checkpoint thread stopped' });
    return new Promise((resolve) => {
      this.pending = resolve;
      this.worker.postMessage('checkpoint');
    });
  }

  private answered(result: CheckpointResult): void {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    // Only changes of state are logged: a failing checkpoint repeats every second.
    if (!result.ok && !this.failing && !this.closed) this.logger.warn(`WAL checkpoint failed (${result.error}); the WAL grows until it succeeds`);
    if (result.ok && this.failing) this.logger.log('WAL checkpoints succeed again');
    this.failing = !result.ok;
    pending(result);
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
