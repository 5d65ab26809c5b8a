import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { CommitObserver } from './commit-observer.js';
import type { SqliteConnection } from './database.js';
import type { DatabaseWriter, Durability, PreparedWork, StatementWork, Work } from './database-writer.js';
import type { DatabaseSchema } from './database.types.js';
import type { CommitPause } from './wal-checkpointer.js';

type Settled = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

interface Job {
  readonly work: Work<unknown> | { readonly prepared: PreparedWork<unknown> };
  readonly durability: Durability;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: writes queued during one turn of the event loop run in a single transaction, and
 * each caller's promise settles only once that transaction is durable (or failed: then every
 * caller in the batch gets the error); a `committed` job's promise settles once it has committed.
 * A durable commit costs an fsync, so one commit per batch instead of one per request is the main
 * lever on throughput, and with a WAL file the fsync runs off the event loop (`WalSync`; see
 * docs/PERFORMANCE.md). One batch commits at a time (its WAL sync may overlap the next batch's
 * commit); jobs run in queue order, so a later job sees an earlier one's writes (two identical
 * deliveries in a batch dedupe). Each job runs inside its own savepoint: a job that fails is rolled
 * back alone and only its caller gets the error (a handler's bad write never costs a webhook its
 * 2xx); a failed commit fails every caller of the batch, a failed sync every `synced` one.
 */
export class GroupCommit implements DatabaseWriter, CommitPause {
  private queue: Job[] = [];
  private flushing = false;
  private scheduled = false;
  /** The commit in progress, from taking its batch until COMMIT returns (its WAL sync comes after). */
  private committing?: Promise<unknown>;
  /** Work that needs no commit to run meanwhile (`whileNoCommit`). */
  private hold?: Promise<unknown>;
  private readonly statements?: SqliteStatements;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly sqlite?: SqliteConnection,
    private readonly observer?: CommitObserver,
    private readonly maxBatch = 128,
  ) {
    this.statements = sqlite && prepareStatements(sqlite.connection);
    // The checkpointer closes the WAL out between two of our commits.
    sqlite?.checkpointer?.pauseCommitsWith(this);
  }

  async whileNoCommit<T>(work: () => Promise<T>): Promise<T> {
    while (this.hold || this.committing) await (this.hold ?? this.committing)!.catch(() => undefined);
    // Set in the same turn as the check above, so no flush can start a commit in between.
    const started = performance.now();
    const running = work();
    this.hold = running.catch(() => undefined).finally(() => {
      this.hold = undefined;
      this.observer?.commitsHeld((performance.now() - started) / 1000);
    });
    return running;
  }

  runStatement<T>(work: StatementWork<T>): Promise<T> {
    return this.run(work);
  }

  run<T>(work: Work<T>): Promise<T> {
    return this.enqueue(work, 'synced');
  }

  runPrepared<T>(prepared: PreparedWork<T>, work: Work<T>, durability: Durability = 'synced'): Promise<T> {
    return this.enqueue(this.sqlite ? { prepared } : work, durability);
  }

  private enqueue<T>(work: Job['work'], durability: Durability): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, durability, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    // setImmediate, not a microtask: requests whose bodies arrived in the same I/O phase join the batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    // Jobs queued meanwhile join this batch.
    while (this.hold) await this.hold;
    const batch = this.queue.splice(0, this.maxBatch);
    let results: Settled[];
    const started = performance.now();
    try {
      this.committing = this.commit(batch);
      results = (await this.committing) as Settled[];
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    } finally {
      this.committing = undefined;
      this.observer?.committed(batch.length, (performance.now() - started) / 1000);
      // The next batch may commit while this one's WAL sync runs: one sync then covers both.
      this.flushing = false;
      if (this.queue.length > 0) this.schedule();
    }
    const committed = performance.now();
    // `committed` jobs settle now; the rest once the sync that covers this commit has finished.
    const waiting: number[] = [];
    batch.forEach((job, i) => (job.durability === 'committed' ? settle(job, results[i]!) : waiting.push(i)));
    try {
      await this.sqlite?.walSync?.sync();
      if (this.sqlite?.walSync) this.observer?.walSynced((performance.now() - committed) / 1000);
    } catch (error) {
      for (const i of waiting) batch[i]!.reject(error);
      return;
    }
    for (const i of waiting) settle(batch[i]!, results[i]!);
  }

  private commit(batch: readonly Job[]): Promise<Settled[]> {
    const inTransaction = (db: Kysely<DatabaseSchema>) =>
      db.transaction().execute(async (trx) => {
        const settled: Settled[] = [];
        // Prepared work runs on the raw connection inside Kysely's transaction: the transaction holds
        // the connection, so no other query can interleave.
        for (const { work } of batch) {
          const run = typeof work === 'function' ? () => work(trx) : () => work.prepared(this.sqlite!.connection);
          // Prepared jobs exist only with a SQLite connection, and then the savepoints are prepared too.
          settled.push(await (this.statements ? inSavepoint(this.statements, run) : runIsolated(trx, work as Work<unknown>)));
        }
        return settled;
      });
    if (!this.sqlite?.walSync) return inTransaction(this.db);
    // The sync moves out of COMMIT (the caller syncs the WAL next). The connection is held from
    // lowering the level to restoring it, so no other write commits without its own sync.
    return this.db.connection().execute(async (connection) => {
      // Not prepared statements: a prepared PRAGMA may take effect when prepared rather than when run.
      this.sqlite!.connection.pragma('synchronous = NORMAL');
      try {
        return await inTransaction(connection);
      } finally {
        this.sqlite!.connection.pragma('synchronous = FULL');
      }
    });
  }
}

function settle(job: Job, result: Settled): void {
  if (result.ok) job.resolve(result.value);
  else job.reject(result.error);
}

interface SqliteStatements {
  readonly openSavepoint: BetterSqlite3.Statement;
  readonly releaseSavepoint: BetterSqlite3.Statement;
  readonly rollbackSavepoint: BetterSqlite3.Statement;
}

function prepareStatements(sqlite: BetterSqlite3.Database): SqliteStatements {
  return {
    openSavepoint: sqlite.prepare('savepoint group_commit_job'),
    releaseSavepoint: sqlite.prepare('release group_commit_job'),
    rollbackSavepoint: sqlite.prepare('rollback to group_commit_job'),
  };
}

/** `runIsolated` with the savepoints as prepared statements (the transaction holds the connection). */
async function inSavepoint(statements: SqliteStatements, run: () => unknown): Promise<Settled> {
  statements.openSavepoint.run();
  try {
    const value = await run();
    statements.releaseSavepoint.run();
    return { ok: true, value };
  } catch (error) {
    statements.rollbackSavepoint.run();
    statements.releaseSavepoint.run();
    return { ok: false, error };
  }
}

async function runIsolated(trx: Transaction<DatabaseSchema>, work: Work<unknown>): Promise<Settled> {
  await sql`savepoint group_commit_job`.execute(trx);
  try {
    const value = await work(trx);
    await sql`release group_commit_job`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    await sql`rollback to group_commit_job`.execute(trx);
    await sql`release group_commit_job`.execute(trx);
    return { ok: false, error };
  }
}
