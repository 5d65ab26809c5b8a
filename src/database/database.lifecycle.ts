import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Migrator, sql } from 'kysely';
import { AppDatabase } from './database.js';
import { migrationProvider } from './migrations/index.js';

/** Runs pending migrations at boot (Kysely's migrator takes a lock, so replicas can start together) and closes the pool last. */
@Injectable()
export class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseLifecycle.name);

  constructor(private readonly database: AppDatabase) {}

  async onModuleInit(): Promise<void> {
    const migrator = new Migrator({
      db: this.database.db,
      provider: migrationProvider(this.database.dialect),
      migrationTableSchema: await this.currentSchema(),
    });
    const { error, results } = await migrator.migrateToLatest();
    for (const result of results ?? []) {
      if (result.status === 'Success') this.logger.log(`Applied migration ${result.migrationName}`);
    }
    if (error) throw error instanceof Error ? error : new Error(String(error));
    this.logger.log(`Database ready (${this.database.description})`);
  }

  /**
   * Kysely looks for its migration tables in every schema it can see unless told which one. On
   * a PostgreSQL database shared with another app (or another of our schemas), it would find
   * that schema's lock table and never create its own; pinning the schema from the connection's
   * search_path keeps each deployment's bookkeeping its own.
   */
  private async currentSchema(): Promise<string | undefined> {
    if (this.database.dialect !== 'postgres') return undefined;
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(this.database.db);
    return rows[0]?.schema;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.database.db.destroy();
  }
}
