import { type RawBuilder, sql } from 'kysely';

/**
 * The merge rules of the message log's upserts, as SQL that SQLite and PostgreSQL both run.
 * Every rule is commutative, associative and idempotent (a semilattice join), which is what makes
 * the stored row independent of arrival order and of at-least-once repeats. NULL means "this event
 * says nothing", so each rule treats it as its identity. (The message columns are written by one
 * event only, the `message` itself, which the inbox delivers once and retries unchanged.)
 */
/**
 * A merged column value. Typed `never` (it fits every column type) because the rules are generic
 * over columns; the schema types still check the inserted rows themselves.
 */
export type Merged = RawBuilder<never>;

const stored = (table: string, column: string) => sql.ref(`${table}.${column}`);
const incoming = (column: string) => sql.ref(`excluded.${column}`);

/** The largest value (flags and the status rank; never NULL). */
export function highest(table: string, column: string): Merged {
  const [t, e] = [stored(table, column), incoming(column)];
  return sql<never>`CASE WHEN ${e} > ${t} THEN ${e} ELSE ${t} END`;
}

/** The smallest non-NULL value: first time a status was reached, a deterministic chat hint. */
export function lowest(table: string, column: string): Merged {
  const [t, e] = [stored(table, column), incoming(column)];
  return sql<never>`CASE WHEN ${t} IS NULL THEN ${e} WHEN ${e} IS NULL THEN ${t} WHEN ${e} < ${t} THEN ${e} ELSE ${t} END`;
}

/** The `message` event's own value once it has arrived, whatever came before or after it. */
export function fromMessageEvent(table: string, column: string): Merged {
  return sql<never>`CASE WHEN ${incoming('has_message')} = 1 THEN ${incoming(column)} ELSE ${stored(table, column)} END`;
}

/** The chat: the message's own when known, else the smallest hint any other event gave. */
export function chatOf(table: string, column: string): Merged {
  return sql<never>`CASE WHEN ${incoming('has_message')} = 1 THEN ${incoming(column)}
    WHEN ${stored(table, 'has_message')} = 1 THEN ${stored(table, column)}
    ELSE ${lowest(table, column)} END`;
}

/**
 * True when the incoming version (time, id) is later than the stored one: the latest edit or
 * reaction wins; equal times fall back to the id, so the winner never depends on arrival order.
 * A missing time sorts before every real one.
 */
export function isNewer(table: string, time: string, id: string): RawBuilder<boolean> {
  const [tTime, eTime] = [sql`COALESCE(${stored(table, time)}, -1)`, sql`COALESCE(${incoming(time)}, -1)`];
  const [tId, eId] = [stored(table, id), incoming(id)];
  return sql<boolean>`(${eId} IS NOT NULL AND (${tId} IS NULL OR ${eTime} > ${tTime} OR (${eTime} = ${tTime} AND ${eId} > ${tId})))`;
}

/** Takes the incoming column when `newer`, else keeps the stored one. */
export function whenNewer(newer: RawBuilder<boolean>, table: string, column: string): Merged {
  return sql<never>`CASE WHEN ${newer} THEN ${incoming(column)} ELSE ${stored(table, column)} END`;
}
