import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { closeDatabase } from './create-database.js';
import { AppDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

/** Runs pending migrations at boot (Kysely's migrator takes a lock, so replicas can start together) and closes the pool last. */
@Injectable()
export class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseLifecycle.name);

  constructor(private readonly database: AppDatabase) {}

  async onModuleInit(): Promise<void> {
    const { error, results } = await migrateToLatest(this.database);
    for (const result of results ?? []) {
      if (result.status === 'Success') this.logger.log(`Applied migration ${result.migrationName}`);
    }
    if (error) throw error instanceof Error ? error : new Error(String(error));
    this.logger.log(`Database ready (${this.database.description})`);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeDatabase(this.database);
  }
}
