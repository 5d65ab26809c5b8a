import { type Compilable, CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type { DatabaseSchema } from './database.types.js';

type Row = Readonly<Record<string, unknown>>;

/** Where each parameter of the compiled SQL comes from: a row's column, or a constant of the query. */
type Slot = { readonly row: number; readonly column: string } | { readonly constant: unknown };

interface Compiled {
  readonly sql: string;
  readonly slots: readonly Slot[];
}

/** Stands for one row's column while the template compiles; no real value looks like it. */
const placeholder = (row: number, column: string) => `\u0000query-template:${row}:${column}`;

/**
 * A write whose SQL depends only on how many rows it takes (an upsert with fixed merge rules),
 * built and compiled by Kysely once per row count and then run with each call's values.
 *
 * Kysely builds and compiles a query on every call; for the message log's upsert (some 6 KB of
 * SQL) that cost the dispatcher more CPU than SQLite spent running it, and the new SQL string
 * was hashed again on every statement-cache lookup (docs/PERFORMANCE.md). The template compiles
 * the query once with a placeholder in every row value, and maps each parameter back to the row
 * and column it came from (or keeps it, when it is a constant of the query). The SQL is the very
 * text Kysely writes, on either dialect. A row with an `undefined` value (which Kysely would
 * leave out of the SQL) runs the query as built.
 */
export class QueryTemplate<R extends object> {
  private readonly templates = new Map<number, Compiled>();

  constructor(
    private readonly build: (db: Kysely<DatabaseSchema>, rows: R[]) => Compilable,
    private readonly maxRows = 16,
  ) {}

  /** Rows must share their keys. */
  execute(db: Kysely<DatabaseSchema>, rows: readonly R[]): Promise<QueryResult<unknown>> {
    const template = rows.length <= this.maxRows ? this.templateFor(db, rows) : undefined;
    const parameters = template && valuesFor(template, rows as readonly object[] as readonly Row[]);
    if (!template || !parameters) return db.executeQuery(this.build(db, [...rows]));
    return db.executeQuery(CompiledQuery.raw(template.sql, parameters));
  }

  private templateFor(db: Kysely<DatabaseSchema>, rows: readonly R[]): Compiled {
    let template = this.templates.get(rows.length);
    if (!template) {
      const columns = Object.keys(rows[0]!);
      const stand = rows.map((_, row) => Object.fromEntries(columns.map((column) => [column, placeholder(row, column)])) as Row);
      const compiled = this.build(db, stand as readonly object[] as R[]).compile();
      const origin = new Map(stand.flatMap((values, row) => columns.map((column) => [values[column], { row, column }] as const)));
      template = { sql: compiled.sql, slots: compiled.parameters.map((parameter) => origin.get(parameter as string) ?? { constant: parameter }) };
      this.templates.set(rows.length, template);
    }
    return template;
  }
}

function valuesFor(template: Compiled, rows: readonly Row[]): unknown[] | undefined {
  const values: unknown[] = new Array(template.slots.length);
  for (let i = 0; i < template.slots.length; i++) {
    const slot = template.slots[i]!;
    const value = 'constant' in slot ? slot.constant : rows[slot.row]![slot.column];
    if (value === undefined) return undefined;
    values[i] = value;
  }
  return values;
}
