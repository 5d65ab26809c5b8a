import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config/index.js';
import type { AppDatabase } from './database.js';
import type { DatabaseSchema } from './database.types.js';
import { nameLongStatements } from './postgres-named-statements.js';
import { withStatementCache } from './sqlite-statement-cache.js';
import { WalCheckpointer } from './wal-checkpointer.js';
import { WalSync } from './wal-sync.js';

const PG_INT8_OID = 20;

export function createDatabase(target: DatabaseTarget): AppDatabase {
  return target.kind === 'sqlite' ? createSqlite(target.path) : createPostgres(target.url, target.preparedStatements ?? true);
}

/** Closes what `createDatabase` opened: the checkpointer's connection first, so the app's, closing last, checkpoints and removes the WAL. */
export async function closeDatabase(database: AppDatabase): Promise<void> {
  await database.sqlite?.checkpointer?.close();
  await database.db.destroy();
  await database.sqlite?.walSync?.close();
}

function createSqlite(path: string): AppDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  // WAL lets readers run beside the writer; synchronous=FULL makes every acknowledged
  // commit survive power loss, not only a process crash. Group commit reaches the same
  // durability with the WAL synced off the event loop (see WalSync).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // Every group-commit job runs in its own savepoint, and SQLite keeps the original of each page a
  // savepoint changes in a statement journal, a temp file in /var/tmp past 64 KiB: under load every
  // batch wrote each page it touched there a second time, 59 % of the process's pwrite calls and a
  // fifth of the intake writes' CPU (docs/PERFORMANCE.md, round 8). Only a rollback reads it.
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  if (path === ':memory:') return { db, dialect: 'sqlite', description: `sqlite:${path}`, sqlite: { connection: sqlite } };
  // Checkpoints run on their own thread (see WalCheckpointer), not inside our commits.
  const file = { connection: sqlite, walSync: new WalSync(`${path}-wal`), checkpointer: new WalCheckpointer(path, sqlite) };
  return { db, dialect: 'sqlite', description: `sqlite:${path}`, sqlite: file };
}

function createPostgres(url: string, preparedStatements: boolean): AppDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    // Epoch-millisecond BIGINT columns come back as numbers, as they do from SQLite.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A client losing its server (idle or checked out) must not crash the process with an
  // unhandled 'error' event; the query in flight, or the next one, reports the failure.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    if (preparedStatements) nameLongStatements(client);
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', description: `postgres:${redactUrl(url)}` };
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `//${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return '//(unparsable url)';
  }
}
