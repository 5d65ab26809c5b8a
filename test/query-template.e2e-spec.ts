import { type Kysely, sql } from 'kysely';
import { closeDatabase } from '../src/database/create-database.js';
import { type AppDatabase, type DatabaseSchema, QueryTemplate } from '../src/database/index.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './support/databases.js';
import { openMigratedDatabase } from './support/message-log-database.js';

/** A table of its own, so the cases say exactly what is written. */
interface Item {
  readonly id: string;
  readonly label: string | null;
  readonly hits: number;
}
type Untyped = Kysely<Record<'template_items', Item>>;

/**
 * `QueryTemplate` on both databases: the SQL Kysely compiles once, run with each call's values,
 * must write what the query built afresh writes (constants of the query included).
 */
describe.each(DATABASE_KINDS)('QueryTemplate on %s', (kind) => {
  let testDb: TestDatabase;
  let database: AppDatabase;
  let builds: number;
  let template: QueryTemplate<Item>;

  const upsert = (db: Kysely<DatabaseSchema>, rows: Item[]) => {
    builds++;
    return (db as unknown as Untyped)
      .insertInto('template_items')
      .values(rows)
      // 'merged' is a constant of the query: it must stay a constant, not become a row value.
      .onConflict((oc) => oc.column('id').doUpdateSet({ hits: sql`template_items.hits + excluded.hits`, label: sql`${'merged'}` }));
  };

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openMigratedDatabase(testDb.url);
    await sql`CREATE TABLE template_items (id text PRIMARY KEY, label text DEFAULT 'from-default', hits integer NOT NULL)`.execute(database.db);
    builds = 0;
    template = new QueryTemplate<Item>(upsert);
  });
  afterEach(async () => {
    await closeDatabase(database);
    await testDb.drop();
  });

  const stored = async () =>
    (await (database.db as unknown as Untyped).selectFrom('template_items').selectAll().orderBy('id').execute()).map((row) => ({ ...row, hits: Number(row.hits) }));

  it('writes each call its own values, compiling the query once per row count', async () => {
    await template.execute(database.db, [{ id: 'a', label: 'first', hits: 1 }]);
    await template.execute(database.db, [{ id: 'b', label: null, hits: 2 }]);
    await template.execute(database.db, [{ id: 'c', label: 'x', hits: 3 }, { id: 'd', label: 'y', hits: 4 }]);
    await template.execute(database.db, [{ id: 'e', label: 'z', hits: 5 }, { id: 'f', label: null, hits: 6 }]);
    expect(builds).toBe(2);
    expect(await stored()).toEqual([
      { id: 'a', label: 'first', hits: 1 },
      { id: 'b', label: null, hits: 2 },
      { id: 'c', label: 'x', hits: 3 },
      { id: 'd', label: 'y', hits: 4 },
      { id: 'e', label: 'z', hits: 5 },
      { id: 'f', label: null, hits: 6 },
    ]);
  });

  it('keeps the constants of the query', async () => {
    await template.execute(database.db, [{ id: 'a', label: 'first', hits: 1 }]);
    await template.execute(database.db, [{ id: 'a', label: 'second', hits: 2 }]);
    expect(await stored()).toEqual([{ id: 'a', label: 'merged', hits: 3 }]);
  });

  it('writes what the query built afresh writes', async () => {
    const rows = [{ id: 'p', label: 'one', hits: 7 }, { id: 'q', label: null, hits: 8 }];
    await template.execute(database.db, rows);
    await template.execute(database.db, rows);
    const viaTemplate = await stored();
    await sql`DELETE FROM template_items`.execute(database.db);
    await upsert(database.db, rows).execute();
    await upsert(database.db, rows).execute();
    expect(viaTemplate).toEqual(await stored());
  });

  it('runs a row with an undefined value as built (Kysely leaves the column out, so the default applies)', async () => {
    await template.execute(database.db, [{ id: 'a', label: 'first', hits: 1 }]);
    await template.execute(database.db, [{ id: 'u', label: undefined as unknown as null, hits: 1 }]);
    // Once for the template, once as built for the row it cannot take.
    expect(builds).toBe(2);
    expect((await stored()).find((row) => row.id === 'u')).toEqual({ id: 'u', label: 'from-default', hits: 1 });
  });

  it('builds afresh past its row limit', async () => {
    const small = new QueryTemplate<Item>(upsert, 2);
    const rows = ['a', 'b', 'c'].map((id) => ({ id, label: id, hits: 1 }));
    await small.execute(database.db, rows);
    await small.execute(database.db, rows);
    expect(builds).toBe(2);
    expect(await stored()).toHaveLength(3);
  });
});
