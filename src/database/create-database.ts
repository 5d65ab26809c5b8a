import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config/index.js';
import type { AppDatabase } from './database.js';
import type { DatabaseSchema } from './database.types.js';
import { withStatementCache } from './sqlite-statement-cache.js';

const PG_INT8_OID = 20;

export function createDatabase(target: DatabaseTarget): AppDatabase {
  return target.kind === 'sqlite' ? createSqlite(target.path) : createPostgres(target.url);
}

function createSqlite(path: string): AppDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  // WAL lets readers run beside the writer; synchronous=FULL makes every acknowledged
  // commit survive power loss, not only a process crash.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', description: `sqlite:${path}` };
}

function createPostgres(url: string): AppDatabase {
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
  pool.on('connect', (client) => client.on('error', () => undefined));
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
