import type { DatabaseTarget } from '../../src/config/index.js';
import { createDatabase } from '../../src/database/create-database.js';
import { type AppDatabase, migrateToLatest } from '../../src/database/index.js';

/** Opens a test database URL (as `createTestDatabase` returns it) with every migration applied. */
export async function openMigratedDatabase(url: string): Promise<AppDatabase> {
  const target: DatabaseTarget = url.startsWith('sqlite:') ? { kind: 'sqlite', path: url.slice('sqlite:'.length) } : { kind: 'postgres', url };
  const database = createDatabase(target);
  const { error } = await migrateToLatest(database);
  if (error) throw error;
  return database;
}
