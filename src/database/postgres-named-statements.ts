import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Shorter statements cost PostgreSQL little to parse and plan again. */
export const NAMED_STATEMENT_MIN_LENGTH = 300;
/** pg keeps a named statement for the connection's life and has no eviction, so the set is bounded. */
export const NAMED_STATEMENTS_PER_CONNECTION = 64;

// A prepared statement whose result columns change under it (a migration run by another replica
// adding a column) fails with "cached plan must not change result type"; naming the columns keeps
// a statement's result fixed, `*` does not.
const STAR_RESULT = /\b(returning|select)\s+\*/i;

type Query = (...args: unknown[]) => unknown;

/**
 * Runs the app's long statements on this connection as named prepared statements: PostgreSQL parses
 * and plans each once per connection instead of on every execution. The message log's upsert is
 * some 6 KB of SQL; doing that work again on every intake, claim, settle and upsert was about a third
 * of PostgreSQL's CPU per event on a machine it shares with the app (docs/PERFORMANCE.md,
 * PostgreSQL). Only Kysely's form of call is touched (SQL text and a parameter array, no callback),
 * and only statements that take parameters; everything else, and statements past the bound, run as
 * before.
 */
export function nameLongStatements(client: pg.ClientBase): void {
  const names = new Map<string, string>();
  const query = client.query.bind(client) as Query;
  const named: Query = (text, values, callback) => {
    if (typeof text !== 'string' || !Array.isArray(values) || callback !== undefined) return query(text, values, callback);
    // A named statement is looked up before the text is scanned again (the upsert's 6 KB, per event).
    let name = names.get(text);
    if (name === undefined) {
      if (names.size >= NAMED_STATEMENTS_PER_CONNECTION || !worthNaming(text, values)) return query(text, values);
      name = `app_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      names.set(text, name);
    }
    return query({ name, text, values });
  };
  (client as unknown as { query: Query }).query = named;
}

// A statement that takes values is one the app runs again with others; one without (a migration's
// DDL) runs once and would only take a slot.
function worthNaming(text: string, values: readonly unknown[]): boolean {
  return values.length > 0 && text.length >= NAMED_STATEMENT_MIN_LENGTH && !STAR_RESULT.test(text);
}
