import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { jest } from '@jest/globals';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { closeDatabase, createDatabase } from './create-database.js';
import { CommitObserver } from './commit-observer.js';
import type { AppDatabase } from './database.js';
import type { DatabaseSchema } from './database.types.js';
import { GroupCommit } from './group-commit.js';
import { WalCheckpointer, type WalCheckpointerOptions } from './wal-checkpointer.js';
import { WalSync } from './wal-sync.js';

describe('WalCheckpointer (a worker thread on the real file)', () => {
  let dir: string;
  let database: AppDatabase;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'checkpointer-'));
    database = createDatabase({ kind: 'sqlite', path: join(dir, 'app.db') });
  });
  afterEach(async () => {
    await closeDatabase(database);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Rows the database file holds on its own, without its WAL (what a checkpoint has copied). */
  const rowsInMainFile = (): number => {
    const copy = join(dir, `copy-${Date.now()}.db`);
    copyFileSync(join(dir, 'app.db'), copy);
    const reader = new BetterSqlite3(copy, { readonly: true });
    try {
      const table = reader.prepare(`select count(*) as n from sqlite_master where name = 'notes'`).get() as { n: number };
      return table.n === 0 ? -1 : (reader.prepare('select count(*) as n from notes').get() as { n: number }).n;
    } finally {
      reader.close();
    }
  };

  it('copies committed transactions into the database file off the app connection, which never checkpoints itself', async () => {
    const sqlite = database.sqlite!.connection;
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    sqlite.exec('create table notes (id integer primary key, body text)');
    const insert = sqlite.prepare('insert into notes (body) values (?)');
    sqlite.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run('x'.repeat(200));
    })();
    expect(rowsInMainFile()).toBeLessThan(2000); // still only in the WAL

    const deadline = Date.now() + 5000;
    while (rowsInMainFile() !== 2000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(rowsInMainFile()).toBe(2000);
  });

  it('stops its thread on close', async () => {
    await expect(database.sqlite!.checkpointer!.close()).resolves.toBeUndefined();
  });

  it('hands checkpoints back to SQLite when its thread dies, and closes without waiting for it', async () => {
    const connection = new BetterSqlite3(':memory:');
    // The thread cannot open this path, so it dies at once.
    const checkpointer = new WalCheckpointer(join(dir, 'missing', 'app.db'), connection);
    expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const deadline = Date.now() + 5000;
    while (connection.pragma('wal_autocheckpoint', { simple: true }) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await expect(checkpointer.close()).resolves.toBeUndefined();
    connection.close();
  });

  describe('a close-out', () => {
    /**
     * How many passes the thread was asked for when the first close-out held commits back. The
     * writer is a stand-in that only records that moment; the passes run on the real thread and file.
     */
    async function passesBeforeHold(options: WalCheckpointerOptions): Promise<number> {
      // The app database's own checkpointer would post to its thread too.
      await database.sqlite!.checkpointer!.close();
      const path = join(dir, 'close-out.db');
      const connection = new BetterSqlite3(path);
      connection.pragma('journal_mode = WAL');
      connection.exec('create table notes (id integer primary key, body text)');
      const insert = connection.prepare('insert into notes (body) values (?)');
      for (let i = 0; i < 50; i++) insert.run('x'.repeat(200));
      const requests = jest.spyOn(Worker.prototype, 'postMessage');
      const checkpointer = new WalCheckpointer(path, connection, { intervalMs: 20, closeOutFrames: 1, ...options });
      try {
        return await new Promise<number>((resolve) =>
          checkpointer.pauseCommitsWith({
            whileNoCommit: (work) => {
              resolve(requests.mock.calls.filter(([message]) => message === 'checkpoint').length);
              return work();
            },
          }),
        );
      } finally {
        requests.mockRestore();
        await checkpointer.close();
        connection.close();
      }
    }

    it('copies in more passes while a pass is slow, so the held one has little left to copy', async () => {
      // Every pass counts as slow here: the first, the three catch-up passes allowed, then the hold.
      await expect(passesBeforeHold({ slowPassMs: 0, catchUpPasses: 3 })).resolves.toBe(4);
    });

    it('holds commits right after a quick pass', async () => {
      await expect(passesBeforeHold({ slowPassMs: 60_000 })).resolves.toBe(1);
    });
  });

  describe('under commits that never pause', () => {
    const MB = 1024 * 1024;
    const ROW = 'x'.repeat(4000);

    /**
     * Group commits of `rowsPerCommit` rows back to back until `totalBytes` are committed, then a
     * pause for a checkpoint and one more commit. The WAL file's largest size meanwhile (read after
     * every commit), and at the end.
     *
     * Every row is queued before the first commit, so the writer never waits: each commit starts one
     * event-loop turn after the one before it, whatever the disk's syncs take. SQLite restarts the
     * WAL by itself only when a checkpoint both starts and finishes between two commits; waiting for
     * each batch's WAL sync left such a gap after every commit, and on a slow disk the control
     * (close-outs off) then saw 3.8, 5.2 and 7.4 MB in CI.
     */
    async function writeContinuously(
      options: WalCheckpointerOptions,
      totalBytes: number,
      rowsPerCommit = 8,
    ): Promise<{ largestWal: number; finalWal: number; rows: number }> {
      const path = join(dir, 'busy.db');
      const connection = new BetterSqlite3(path);
      connection.pragma('journal_mode = WAL');
      connection.exec('create table notes (id integer primary key, body text)');
      const insert = connection.prepare('insert into notes (body) values (?)');
      const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: connection }) });
      const checkpointer = new WalCheckpointer(path, connection, { intervalMs: 20, ...options });
      const walSync = new WalSync(`${path}-wal`);
      const walSize = () => statSync(`${path}-wal`).size;
      let largestWal = 0;
      const observer = new CommitObserver();
      observer.subscribe({ committed: () => (largestWal = Math.max(largestWal, walSize())) });
      const commits = new GroupCommit(db, { connection, walSync, checkpointer }, observer, rowsPerCommit);
      const commit = (rows: number) =>
        Promise.all(
          Array.from({ length: rows }, () =>
            commits.runPrepared(
              () => insert.run(ROW),
              () => Promise.reject(new Error('SQLite runs the prepared work')),
            ),
          ),
        );
      try {
        await commit(Math.ceil(totalBytes / ROW.length / rowsPerCommit) * rowsPerCommit);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await commit(1);
        return { largestWal, finalWal: walSize(), rows: (connection.prepare('select count(*) as n from notes').get() as { n: number }).n };
      } finally {
        await checkpointer.close();
        await db.destroy();
        await walSync.close();
      }
    }

    /** What each of the next two tests commits, and the bound that tells them apart. */
    const WRITTEN = 48 * MB;
    const BOUND = WRITTEN / 3;

    it('closes the WAL out between two commits, so the file stays small however much is written', async () => {
      // The largest file is what commits add during one checkpoint pass and its close-out: 2.9-7.6 MB
      // in 9 runs here, at most 9.3 MB in 6 with both cores busy and another process syncing the disk.
      const { largestWal, rows } = await writeContinuously({ closeOutFrames: 100 }, WRITTEN);
      expect(rows).toBeGreaterThan(WRITTEN / ROW.length);
      expect(largestWal).toBeLessThan(BOUND);
    });

    it('(control) with close-outs off the WAL outgrows that bound', async () => {
      // With no gap between commits SQLite seldom restarts the file by itself: it held every byte
      // written (63.8 MB) in 13 of 16 runs, alone or under the same load, and 38 MB at the least.
      const { largestWal } = await writeContinuously({ closeOutFrames: Number.MAX_SAFE_INTEGER }, WRITTEN);
      expect(largestWal).toBeGreaterThan(BOUND);
    });

    it('cuts a WAL file that a burst grew back to the size limit once the burst is over', async () => {
      // 1 MiB commits against a 1 MiB limit: the file outgrows the limit between two checkpoints.
      const { largestWal, finalWal } = await writeContinuously({ closeOutFrames: 100, walSizeLimitBytes: MB }, 12 * MB, 256);
      expect(largestWal).toBeGreaterThan(MB); // one commit alone outgrows the limit
      expect(finalWal).toBeLessThanOrEqual(MB);
    });
  });
});
