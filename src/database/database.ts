import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database.types.js';

export type DatabaseDialect = 'sqlite' | 'postgres';

/**
 * The service's one database connection (pool), as a DI token. Repositories write portable
 * Kysely queries and consult `dialect` only where SQL really differs (row locking).
 */
export abstract class AppDatabase {
  abstract readonly db: Kysely<DatabaseSchema>;
  abstract readonly dialect: DatabaseDialect;
  /** A short description for logs and health output; never contains credentials. */
  abstract readonly description: string;
}
