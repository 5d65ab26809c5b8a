import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { NewDelivery } from '../inbox/storage/inbox-record.js';
import { insertDelivery } from '../inbox/storage/intake-insert.js';
import { sqliteInbox } from '../inbox/storage/sqlite-inbox-statements.js';
import { CommitObserver } from './commit-observer.js';
import { closeDatabase, createDatabase } from './create-database.js';
import type { AppDatabase } from './database.js';
import { GroupCommit } from './group-commit.js';
import { migrateToLatest } from './migrate.js';
import { HeldWalSync } from '../../test/support/held-wal-sync.js';
import { WalSync } from './wal-sync.js';

const WINDOW_MS = 60_000;

const sqlExec = (database: AppDatabase, statement: string) => sql.raw(statement).execute(database.db);

function delivery(deliveryId: string, idempotencyKey: string): NewDelivery {
  return { deliveryId, idempotencyKey, gatewayEvent: 'message', rawBody: Buffer.from('{}'), status: 'pending', receivedAt: Date.now() };
}

describe('GroupCommit (real SQLite)', () => {
  let database: AppDatabase;
  let commits: GroupCommit;

  beforeEach(async () => {
    database = createDatabase({ kind: 'sqlite', path: ':memory:' });
    const { error } = await migrateToLatest(database);
    if (error) throw error;
    commits = new GroupCommit(database.db);
  });
  afterEach(() => closeDatabase(database));

  const storedIds = async () =>
    (await database.db.selectFrom('inbox_events').select('delivery_id').orderBy('id').execute()).map((row) => row.delivery_id);

  it('commits writes queued in the same turn together, settling each caller with its own result', async () => {
    const results = await Promise.all([
      commits.run((trx) => insertDelivery(trx, delivery('d1', 'k1'), WINDOW_MS)),
      commits.run((trx) => insertDelivery(trx, delivery('d2', 'k2'), WINDOW_MS)),
    ]);
    expect(results).toEqual([{ inserted: true }, { inserted: true }]);
    expect(await storedIds()).toEqual(['d1', 'd2']);
  });

  it('rolls back only the job that failed: the others in its batch commit', async () => {
    const first = commits.run((trx) => insertDelivery(trx, delivery('d1', 'k1'), WINDOW_MS));
    const failing = commits.run(async (trx) => {
      await insertDelivery(trx, delivery('d2', 'k2'), WINDOW_MS);
      throw new Error('handler write refused');
    });
    const third = commits.run((trx) => insertDelivery(trx, delivery('d3', 'k3'), WINDOW_MS));
    await expect(failing).rejects.toThrow('handler write refused');
    expect(await Promise.all([first, third])).toEqual([{ inserted: true }, { inserted: true }]);
    expect(await storedIds()).toEqual(['d1', 'd3']);
  });

  it('fails every caller when the batch cannot commit, and keeps none of its writes', async () => {
    await sqlExec(database, 'create table commit_guard (id integer primary key)');
    // With foreign keys deferred, the violation surfaces when the batch commits, after every job succeeded.
    await sqlExec(database, 'create table deferred_child (parent integer references commit_guard(id))');
    const first = commits.run((trx) => insertDelivery(trx, delivery('d1', 'k1'), WINDOW_MS));
    const breaking = commits.run(async (trx) => {
      await sql`pragma defer_foreign_keys = on`.execute(trx);
      await trx.insertInto('deferred_child' as never).values({ parent: 42 } as never).execute();
    });
    // Matched by message: SqliteError comes from the native module, loaded in another test file's realm
    // in a full run, where \`toThrow\` does not recognise it as an Error.
    const commitFailure = { message: expect.stringMatching(/FOREIGN KEY/) };
    await expect(first).rejects.toMatchObject(commitFailure);
    await expect(breaking).rejects.toMatchObject(commitFailure);
    expect(await storedIds()).toEqual([]);
  });

  it('dedupes two identical deliveries in one batch: one accepted, one duplicate of it', async () => {
    const results = await Promise.all([
      commits.run((trx) => insertDelivery(trx, delivery('d1', 'same'), WINDOW_MS)),
      commits.run((trx) => insertDelivery(trx, delivery('d2', 'same'), WINDOW_MS)),
    ]);
    expect(results).toEqual([{ inserted: true }, { inserted: false, existingDeliveryId: 'd1' }]);
    expect(await storedIds()).toEqual(['d1']);
  });

  it('runs writes queued while a batch is committing in the next batch', async () => {
    const first = commits.run((trx) => insertDelivery(trx, delivery('d1', 'k1'), WINDOW_MS));
    // Queued from inside the first batch's transaction, so it cannot be part of it.
    const later: Promise<unknown>[] = [];
    const opener = commits.run(async () => {
      later.push(commits.run((trx) => insertDelivery(trx, delivery('d3', 'k3'), WINDOW_MS)));
    });
    await Promise.all([first, opener]);
    expect(await storedIds()).toEqual(['d1']);
    await Promise.all(later);
    expect(await storedIds()).toEqual(['d1', 'd3']);
  });

  describe('whileNoCommit (how the WAL checkpointer closes the WAL out)', () => {
    const gate = () => {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      return { open, opened };
    };
    const turns = async (n: number) => {
      for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
    };

    it('starts no commit while its work runs; writes queued meanwhile commit right after it', async () => {
      const work = gate();
      const held = commits.whileNoCommit(() => work.opened.then(() => 'checkpointed'));
      let settled = false;
      const write = commits.run((trx) => insertDelivery(trx, delivery('d1', 'k1'), WINDOW_MS)).finally(() => (settled = true));
      await turns(5);
      expect(settled).toBe(false);
      expect(await storedIds()).toEqual([]);

      work.open();
      await expect(held).resolves.toBe('checkpointed');
      await expect(write).resolves.toEqual({ inserted: true });
      expect(await storedIds()).toEqual(['d1']);
    });

    it('waits for the commit in progress before its work starts', async () => {
      const job = gate();
      const write = commits.run(async (trx) => {
        await job.opened;
        return insertDelivery(trx, delivery('d1', 'k1'), WINDOW_MS);
      });
      await turns(2); // the batch is committing, blocked inside its job
      let started = false;
      const held = commits.whileNoCommit(async () => {
        started = true;
      });
      await turns(5);
      expect(started).toBe(false);

      job.open();
      await held;
      expect(started).toBe(true);
      await expect(write).resolves.toEqual({ inserted: true });
    });

    it('lets commits go on when its work fails', async () => {
      await expect(commits.whileNoCommit(() => Promise.reject(new Error('checkpoint failed')))).rejects.toThrow('checkpoint failed');
      await expect(commits.run((trx) => insertDelivery(trx, delivery('d1', 'k1'), WINDOW_MS))).resolves.toEqual({ inserted: true });
    });
  });
});

describe('GroupCommit on a SQLite file (prepared statements, WAL synced off the event loop)', () => {
  let dir: string;
  let database: AppDatabase;
  const SYNCHRONOUS_FULL = 2;
  const SYNCHRONOUS_NORMAL = 1;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
    database = createDatabase({ kind: 'sqlite', path: join(dir, 'inbox.db') });
    const { error } = await migrateToLatest(database);
    if (error) throw error;
  });
  afterEach(async () => {
    await closeDatabase(database);
    rmSync(dir, { recursive: true, force: true });
  });

  const connection = () => database.sqlite!.connection;
  const insertPrepared = (commits: GroupCommit, id: string, key = id) =>
    commits.runPrepared(sqliteInbox.insert(delivery(id, key), WINDOW_MS, () => undefined), (trx) => insertDelivery(trx, delivery(id, key), WINDOW_MS));
  /** What another process would read: a second connection to the same file. */
  const committedIds = () => {
    const reader = new BetterSqlite3(join(dir, 'inbox.db'), { readonly: true });
    try {
      return (reader.prepare('select delivery_id from inbox_events order by id').all() as { delivery_id: string }[]).map((row) => row.delivery_id);
    } finally {
      reader.close();
    }
  };

  it('answers no caller before the batch is committed and its WAL synced', async () => {
    const walSync = new HeldWalSync(join(dir, 'inbox.db-wal'));
    const openGate = walSync.hold();
    const commits = new GroupCommit(database.db, { connection: connection(), walSync });
    let answered = 0;
    const writes = [insertPrepared(commits, 'd1'), insertPrepared(commits, 'd2')].map((write) => write.then(() => answered++));

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(committedIds()).toEqual(['d1', 'd2']); // committed, visible to other connections...
    expect(answered).toBe(0); // ...but nobody told until the sync
    openGate();
    await Promise.all(writes);
    expect(answered).toBe(2);
    expect(walSync.syncs).toBe(1); // one sync for the whole batch
    await walSync.close();
  });

  it('settles a `committed` job at its commit, before the WAL sync that `synced` jobs of the batch wait for', async () => {
    const walSync = new HeldWalSync(join(dir, 'inbox.db-wal'));
    const openGate = walSync.hold();
    const commits = new GroupCommit(database.db, { connection: connection(), walSync });
    const answered: string[] = [];
    const synced = insertPrepared(commits, 'd1').then(() => answered.push('synced'));
    const committed = commits
      .runPrepared((sqlite) => sqlite.prepare('select count(*) as n from inbox_events').get(), async () => undefined, 'committed')
      .then((row) => answered.push(`committed, saw ${(row as { n: number }).n}`));

    await committed;
    expect(answered).toEqual(['committed, saw 1']); // the sync has not even started
    openGate();
    await synced;
    expect(answered).toEqual(['committed, saw 1', 'synced']);
    await walSync.close();
  });

  it('skips the sync only inside its own commit: other writes keep synchronous=FULL', async () => {
    const commits = new GroupCommit(database.db, database.sqlite);
    const levelInsideBatch = await commits.runPrepared((sqlite) => sqlite.pragma('synchronous', { simple: true }), async () => undefined);
    expect(levelInsideBatch).toBe(SYNCHRONOUS_NORMAL);
    expect(connection().pragma('synchronous', { simple: true })).toBe(SYNCHRONOUS_FULL);
  });

  it('fails every caller of the batch when the WAL cannot be synced', async () => {
    const commits = new GroupCommit(database.db, { connection: connection(), walSync: new WalSync(join(dir, 'missing', 'inbox.db-wal')) });
    const writes = [insertPrepared(commits, 'd1'), insertPrepared(commits, 'd2')];
    for (const write of writes) await expect(write).rejects.toMatchObject({ code: 'ENOENT' });
    expect(connection().pragma('synchronous', { simple: true })).toBe(SYNCHRONOUS_FULL);
  });

  it('reports each batch (size, commit time), its WAL sync and any hold to the commit observer', async () => {
    const observer = new CommitObserver();
    const seen: string[] = [];
    observer.subscribe({
      committed: (jobs, seconds) => seen.push(`committed ${jobs} ${seconds >= 0}`),
      walSynced: (seconds) => seen.push(`synced ${seconds >= 0}`),
      commitsHeld: (seconds) => seen.push(`held ${seconds >= 0.02}`),
    });
    const commits = new GroupCommit(database.db, database.sqlite, observer);
    await Promise.all([insertPrepared(commits, 'd1'), insertPrepared(commits, 'd2')]);
    expect(seen).toEqual(['committed 2 true', 'synced true']);
    await commits.whileNoCommit(() => new Promise((resolve) => setTimeout(resolve, 25)));
    expect(seen).toEqual(['committed 2 true', 'synced true', 'held true']);
  });

  it('mixes prepared and Kysely work in one batch, rolling back only the job that failed', async () => {
    const commits = new GroupCommit(database.db, database.sqlite);
    const first = insertPrepared(commits, 'd1');
    const failing = commits.runPrepared(
      (sqlite) => {
        sqliteInbox.insert(delivery('d2', 'k2'), WINDOW_MS, () => undefined)(sqlite);
        throw new Error('refused after writing');
      },
      async () => undefined,
    );
    const kysely = commits.run((trx) => insertDelivery(trx, delivery('d3', 'k3'), WINDOW_MS));
    const duplicate = insertPrepared(commits, 'd4', 'd1');
    await expect(failing).rejects.toThrow('refused after writing');
    expect(await Promise.all([first, kysely, duplicate])).toEqual([{ inserted: true }, { inserted: true }, { inserted: false, existingDeliveryId: 'd1' }]);
    expect(committedIds()).toEqual(['d1', 'd3']);
  });

  it('keeps the savepoints\' journal in memory: a batch touching far more than 64 KiB still rolls back its failing job alone', async () => {
    const TEMP_STORE_MEMORY = 2;
    expect(connection().pragma('temp_store', { simple: true })).toBe(TEMP_STORE_MEMORY);
    const commits = new GroupCommit(database.db, database.sqlite);
    const big = (id: string): NewDelivery => ({ ...delivery(id, id), rawBody: Buffer.alloc(8192, id) });
    const insertBig = (id: string) => commits.runPrepared(sqliteInbox.insert(big(id), WINDOW_MS, () => undefined), async () => undefined);
    // 40 rows of 8 KiB: the batch's savepoints change some 400 KiB of pages.
    const before = Array.from({ length: 20 }, (_, i) => insertBig(`a${i}`));
    const failing = commits.runPrepared(
      (sqlite) => {
        for (let i = 0; i < 10; i++) sqliteInbox.insert(big(`x${i}`), WINDOW_MS, () => undefined)(sqlite);
        throw new Error('refused after writing 80 KiB');
      },
      async () => undefined,
    );
    const after = Array.from({ length: 20 }, (_, i) => insertBig(`b${i}`));
    await expect(failing).rejects.toThrow('refused after writing 80 KiB');
    await Promise.all([...before, ...after]);
    const ids = committedIds();
    expect(ids).toHaveLength(40);
    expect(ids.filter((id) => id.startsWith('x'))).toEqual([]);
  });
});
