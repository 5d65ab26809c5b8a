import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query again on each execution; compiling the same SQL
 * thousands of times a second was a measurable share of the ack path and the dispatcher (see
 * docs/PERFORMANCE.md). This keeps the most recently used statements (an LRU over the SQL text:
 * queries with `IN (?, ?, …)` lists of varying length are distinct texts, hence the bound).
 * Safe because the driver runs one query at a time on its single connection and never streams
 * from a statement another query reuses (the service issues no streaming queries).
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, maxStatements = 200): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > maxStatements) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
