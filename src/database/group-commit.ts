import { type Kysely, sql, type Transaction } from 'kysely';
import type { DatabaseSchema } from './database.types.js';

export type Work<T> = (trx: Transaction<DatabaseSchema>) => Promise<T>;

/**
 * Runs a piece of write work in a transaction, as a DI token: `GroupCommit` on SQLite (one
 * transaction shared by concurrent callers), `TransactionPerCall` on PostgreSQL. The inbox and
 * handler modules that write on every event (the message log) share it, so they share fsyncs.
 */
export abstract class DatabaseWriter {
  abstract run<T>(work: Work<T>): Promise<T>;
}

type Settled = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

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
 * Each job runs inside its own savepoint: a job that fails is rolled back alone and only its
 * caller gets the error (a handler's bad write never costs a webhook its 2xx); a failed commit
 * fails every caller of the batch.
 */
export class GroupCommit implements DatabaseWriter {
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
        const settled: Settled[] = [];
        for (const job of batch) settled.push(await runIsolated(trx, job.work));
        return settled;
      });
      batch.forEach((job, i) => {
        const result = results[i]!;
        if (result.ok) job.resolve(result.value);
        else job.reject(result.error);
      });
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
export class TransactionPerCall implements DatabaseWriter {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  run<T>(work: Work<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }
}

/** The writer the app uses for a database: group commit on SQLite, a transaction per call on PostgreSQL. */
export function createDatabaseWriter(database: { readonly db: Kysely<DatabaseSchema>; readonly dialect: 'sqlite' | 'postgres' }): DatabaseWriter {
  return database.dialect === 'sqlite' ? new GroupCommit(database.db) : new TransactionPerCall(database.db);
}

async function runIsolated(trx: Transaction<DatabaseSchema>, work: Work<unknown>): Promise<Settled> {
  await sql`savepoint group_commit_job`.execute(trx);
  try {
    const value = await work(trx);
    await sql`release group_commit_job`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    await sql`rollback to group_commit_job`.execute(trx);
    await sql`release group_commit_job`.execute(trx);
    return { ok: false, error };
  }
}
