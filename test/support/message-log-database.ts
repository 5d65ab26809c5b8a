import { Migrator } from 'kysely';
import type { DatabaseTarget } from '../../src/config/index.js';
import { createDatabase } from '../../src/database/create-database.js';
import type { AppDatabase } from '../../src/database/index.js';
import { migrationProvider } from '../../src/database/migrations/index.js';

/** Opens a test database URL (as `createTestDatabase` returns it) with every migration applied. */
export async function openMigratedDatabase(url: string): Promise<AppDatabase> {
  const target: DatabaseTarget = url.startsWith('sqlite:') ? { kind: 'sqlite', path: url.slice('sqlite:'.length) } : { kind: 'postgres', url };
  const database = createDatabase(target);
  const { error } = await new Migrator({ db: database.db, provider: migrationProvider(database.dialect) }).migrateToLatest();
  if (error) throw error;
  return database;
}
