import type { Kysely } from 'kysely';
import type { DatabaseWriter, Durability, PreparedWork, StatementWork, Work } from './database-writer.js';
import type { DatabaseSchema } from './database.types.js';

/**
 * One transaction per call, in parallel over the pool. PostgreSQL flushes its WAL off our event
 * loop and already groups concurrent commits itself; batching in-process serialised the pool and
 * halved ingest there (see docs/PERFORMANCE.md).
 */
export class TransactionPerCall implements DatabaseWriter {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  run<T>(work: Work<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  // BEGIN and COMMIT were two of a message log upsert's three round trips, each holding a pool
  // connection the intake waits for (docs/PERFORMANCE.md, PostgreSQL).
  runStatement<T>(work: StatementWork<T>): Promise<T> {
    return work(this.db);
  }

  /** A commit here is durable when it returns, so both durabilities settle then. */
  runPrepared<T>(_prepared: PreparedWork<T>, work: Work<T>, _durability?: Durability): Promise<T> {
    return this.run(work);
  }
}
