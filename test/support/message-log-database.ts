import type { DatabaseTarget } from '../../src/config/index.js';
import { createDatabase } from '../../src/database/create-database.js';
import { type AppDatabase, migrateToLatest } from '../../src/database/index.js';

/**
 * Opens a test database URL (as `createTestDatabase` returns it) with every migration applied;
 * `postgres` options apply to a PostgreSQL URL only.
 */
export async function openMigratedDatabase(url: string, postgres: { readonly preparedStatements?: boolean } = {}): Promise<AppDatabase> {
  const target: DatabaseTarget = url.startsWith('sqlite:') ? { kind: 'sqlite', path: url.slice('sqlite:'.length) } : { kind: 'postgres', url, ...postgres };
  const database = createDatabase(target);
  const { error } = await migrateToLatest(database);
  if (error) throw error;
  return database;
}
