import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database.types.js';
import type { WalCheckpointer } from './wal-checkpointer.js';
import type { WalSync } from './wal-sync.js';

/** SQLite's connection under Kysely, for group commit (see `GroupCommit`). */
export interface SqliteConnection {
  /** For the inbox's per-event statements, prepared once (`sqlite-inbox-statements.ts`). Kysely owns it otherwise. */
  readonly connection: BetterSqlite3.Database;
  /** Absent for `:memory:`, which has no file to make durable. */
  readonly walSync?: WalSync;
  /** Absent for `:memory:`. */
  readonly checkpointer?: WalCheckpointer;
}

export type DatabaseDialect = 'sqlite' | 'postgres';

/**
 * The service's one database connection (pool), as a DI token. Repositories write portable
 * Kysely queries and consult `dialect` only where SQL really differs (row locking).
 */
export abstract class AppDatabase {
  abstract readonly db: Kysely<DatabaseSchema>;
  abstract readonly dialect: DatabaseDialect;
  /** A short description for logs and health output; never contains credentials. */
  abstract readonly description: string;
  /** SQLite only: the connection under `db`, for `GroupCommit` and the inbox's hot path. Nothing else may use it. */
  abstract readonly sqlite?: SqliteConnection;
}
