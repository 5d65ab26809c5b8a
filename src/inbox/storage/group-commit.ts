import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../../database/index.js';

export type Work<T> = (trx: Transaction<DatabaseSchema>) => Promise<T>;

/** Runs inbox writes in a transaction; `GroupCommit` shares one among concurrent callers. */
export interface WriteRunner {
  run<T>(work: Work<T>): Promise<T>;
}

interface Job {
  readonly work: Work<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: writes queued during one turn of the event loop run in a single transaction, and
 * each caller's promise settles only once that transaction has committed (or failed: then every
 * caller in the batch gets the error). A durable commit costs an fsync, and on SQLite that fsync
 * blocks the event loop, so one commit per batch instead of one per request is the main lever on
 * throughput (see docs/PERFORMANCE.md). One batch is in flight at a time; jobs run in queue order,
 * so a later job sees an earlier one's writes (two identical deliveries in a batch dedupe).
 */
export class GroupCommit implements WriteRunner {
  private queue: Job[] = [];
  private flushing = false;
  private scheduled = false;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly maxBatch = 128,
  ) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    // setImmediate, not a microtask: requests whose bodies arrived in the same I/O phase join the batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    const batch = this.queue.splice(0, this.maxBatch);
    try {
      const results = await this.db.transaction().execute(async (trx) => {
        const done: unknown[] = [];
        for (const job of batch) done.push(await job.work(trx));
        return done;
      });
      batch.forEach((job, i) => job.resolve(results[i]));
    } catch (error) {
      for (const job of batch) job.reject(error);
    } finally {
      this.flushing = false;
      if (this.queue.length > 0) this.schedule();
    }
  }
}

/**
 * One transaction per call, in parallel over the pool. PostgreSQL flushes its WAL off our event
 * loop and already groups concurrent commits itself; batching in-process serialised the pool and
 * halved ingest there (see docs/PERFORMANCE.md).
 */
export class TransactionPerCall implements WriteRunner {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  run<T>(work: Work<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }
}
