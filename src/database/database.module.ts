import { Global, Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { inboxConfig } from '../config/index.js';
import { CommitObserver } from './commit-observer.js';
import { createDatabase } from './create-database.js';
import { AppDatabase } from './database.js';
import { DatabaseLifecycle } from './database.lifecycle.js';
import { createDatabaseWriter, DatabaseWriter } from './database-writer.js';

@Global()
@Module({
  providers: [
    {
      provide: AppDatabase,
      inject: [inboxConfig.KEY],
      useFactory: (config: ConfigType<typeof inboxConfig>) => createDatabase(config.database),
    },
    {
      provide: DatabaseWriter,
      inject: [AppDatabase, CommitObserver],
      useFactory: createDatabaseWriter,
    },
    CommitObserver,
    DatabaseLifecycle,
  ],
  exports: [AppDatabase, DatabaseWriter, CommitObserver],
})
export class DatabaseModule {}
