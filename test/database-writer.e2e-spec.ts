import { sql } from 'kysely';
import { closeDatabase } from '../src/database/create-database.js';
import { type AppDatabase, createDatabaseWriter, type DatabaseWriter } from '../src/database/index.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './support/databases.js';
import { openMigratedDatabase } from './support/message-log-database.js';

/**
 * `runStatement`, the writer's path for work that is one statement (the message log's upserts):
 * inside the group commit on SQLite, on its own on PostgreSQL, where a statement is its own
 * transaction and BEGIN / COMMIT would be two more round trips holding a pool connection.
 */
describe.each(DATABASE_KINDS)('DatabaseWriter.runStatement on %s', (kind) => {
  let testDb: TestDatabase;
  let database: AppDatabase;
  let writer: DatabaseWriter;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openMigratedDatabase(testDb.url);
    writer = createDatabaseWriter(database);
    await sql`create table runs (id integer primary key, note text not null)`.execute(database.db);
  });
  afterEach(async () => {
    await closeDatabase(database);
    await testDb.drop();
  });

  const notes = async () => (await sql<{ note: string }>`select note from runs order by id`.execute(database.db)).rows.map((row) => row.note);

  it(kind === 'postgres' ? 'runs the statement outside an explicit transaction' : 'runs the statement inside the group commit', async () => {
    const inTransaction = await writer.runStatement(async (db) => db.isTransaction);
    expect(inTransaction).toBe(kind === 'sqlite');
  });

  it('commits the statement before it settles, and rejects a failing one alone', async () => {
    const results = await Promise.allSettled([
      writer.runStatement((db) => sql`insert into runs (id, note) values (1, 'first')`.execute(db)),
      writer.runStatement((db) => sql`insert into runs (id, note) values (1, 'same key')`.execute(db)),
      writer.runStatement((db) => sql`insert into runs (id, note) values (2, 'second')`.execute(db)),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await notes()).toEqual(['first', 'second']);
  });
});
