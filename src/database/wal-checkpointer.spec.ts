import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { closeDatabase, createDatabase } from './create-database.js';
import type { AppDatabase } from './database.js';
import { WalCheckpointer } from './wal-checkpointer.js';

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
});
