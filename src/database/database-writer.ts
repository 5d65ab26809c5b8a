import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { CommitObserver } from './commit-observer.js';
import type { AppDatabase } from './database.js';
import type { DatabaseSchema } from './database.types.js';
import { GroupCommit } from './group-commit.js';
import { TransactionPerCall } from './transaction-per-call.js';

export type Work<T> = (trx: Transaction<DatabaseSchema>) => Promise<T>;

/** Work that is exactly one SQL statement, so it needs no transaction around it to be atomic. */
export type StatementWork<T> = (db: Kysely<DatabaseSchema>) => Promise<T>;

/**
 * The same writes as a `Work`, as prepared statements run synchronously on SQLite's connection.
 * For the ack path's per-event writes only: building and compiling them through Kysely cost more
 * CPU than SQLite executing them (see docs/PERFORMANCE.md).
 */
export type PreparedWork<T> = (sqlite: BetterSqlite3.Database) => T;

/**
 * When a write's promise settles. `synced` (the default): once it is on disk. `committed`: once
 * its transaction has committed, before the WAL sync that follows (which still runs): for writes
 * whose loss in a power cut only means work is done again, such as the dispatcher's leases and
 * results, so a slow sync does not hold deliveries back (docs/PERFORMANCE.md, round 7).
 */
export type Durability = 'synced' | 'committed';

/**
 * Runs a piece of write work in a transaction, as a DI token: `GroupCommit` on SQLite (one
 * transaction shared by concurrent callers), `TransactionPerCall` on PostgreSQL. The inbox and
 * handler modules that write on every event (the message log) share it, so they share fsyncs.
 */
export abstract class DatabaseWriter {
  abstract run<T>(work: Work<T>): Promise<T>;
  /**
   * One statement: in the group commit on SQLite; on PostgreSQL on its own, a statement being its
   * own transaction there (no BEGIN and COMMIT round trips holding a pool connection).
   */
  abstract runStatement<T>(work: StatementWork<T>): Promise<T>;
  /** Runs `prepared` where the writer can (SQLite group commit), else `work`: both must do the same writes. */
  abstract runPrepared<T>(prepared: PreparedWork<T>, work: Work<T>, durability?: Durability): Promise<T>;
}

/** The writer the app uses for a database: group commit on SQLite, a transaction per call on PostgreSQL. */
export function createDatabaseWriter(database: Pick<AppDatabase, 'db' | 'dialect' | 'sqlite'>, observer?: CommitObserver): DatabaseWriter {
  return database.dialect === 'sqlite' ? new GroupCommit(database.db, database.sqlite, observer) : new TransactionPerCall(database.db);
}
