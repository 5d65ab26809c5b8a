import type { Migration, MigrationProvider } from 'kysely';
import type { DatabaseDialect } from '../database.js';
import { inboxMigration } from './001-inbox.migration.js';
import { messageLogMigration } from './002-message-log.migration.js';
import { outgoingMessagesMigration } from './003-outgoing-messages.migration.js';
import { inboxOpenOrderMigration } from './004-inbox-open-order.migration.js';

/**
 * Every schema migration, in order. Listed in code (not read from a folder) so the compiled
 * ESM build and the tests run the same set. Feature modules append theirs here.
 */
export function migrationProvider(dialect: DatabaseDialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '001-inbox': inboxMigration(dialect),
        '002-message-log': messageLogMigration(),
        '003-outgoing-messages': outgoingMessagesMigration(),
        '004-inbox-open-order': inboxOpenOrderMigration(),
      };
    },
  };
}
