import { type MigrationResultSet, Migrator, sql } from 'kysely';
import type { AppDatabase } from './database.js';
import { migrationProvider } from './migrations/index.js';

/**
 * Applies every pending migration. Kysely looks for its migration tables in every schema it can
 * see unless told which one: on a PostgreSQL database shared with another app (or another of our
 * schemas) it would find that schema's lock table and never create its own. Pinning the schema
 * of the connection's search_path keeps each deployment's bookkeeping its own.
 */
export async function migrateToLatest(database: Pick<AppDatabase, 'db' | 'dialect'>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db: database.db,
    provider: migrationProvider(database.dialect),
    migrationTableSchema: await currentSchema(database),
  });
  return migrator.migrateToLatest();
}

async function currentSchema(database: Pick<AppDatabase, 'db' | 'dialect'>): Promise<string | undefined> {
  if (database.dialect !== 'postgres') return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
  return rows[0]?.schema;
}
