import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Histogram, Registry } from 'prom-client';
import { type CommitListener, CommitObserver } from '../database/index.js';

/** Sub-millisecond to a quarter second: where a local disk's commits and syncs fall, and where they stall. */
const STORAGE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

/**
 * SQLite group commit's timings, reported through `CommitObserver`: what every acknowledgment
 * waits for besides its own work. A rising WAL sync time is the disk; long or frequent close-out
 * holds are the WAL being cut back under load (docs/PERFORMANCE.md). Nothing is observed on
 * PostgreSQL, whose commits are its own.
 */
@Injectable()
export class SqliteCommitMetrics implements CommitListener, OnModuleInit, OnModuleDestroy {
  private readonly batchJobs: Histogram;
  private readonly commitSeconds: Histogram;
  private readonly walSyncSeconds: Histogram;
  private readonly holdSeconds: Histogram;
  private unsubscribe?: () => void;

  constructor(
    private readonly observer: CommitObserver,
    registry: Registry,
  ) {
    const registers = [registry];
    this.batchJobs = new Histogram({
      name: 'whatsapp_sqlite_commit_batch_jobs',
      help: 'Writes committed together in one SQLite group commit (webhooks and handler writes).',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128],
      registers,
    });
    this.commitSeconds = new Histogram({
      name: 'whatsapp_sqlite_commit_seconds',
      help: 'Time to run and commit one group-commit batch on the event loop, its WAL sync not included.',
      buckets: STORAGE_BUCKETS,
      registers,
    });
    this.walSyncSeconds = new Histogram({
      name: 'whatsapp_sqlite_wal_sync_seconds',
      help: 'Time from a batch committing to its WAL being synced to disk, when its callers are answered.',
      buckets: STORAGE_BUCKETS,
      registers,
    });
    this.holdSeconds = new Histogram({
      name: 'whatsapp_sqlite_wal_closeout_hold_seconds',
      help: 'Time a WAL close-out held every commit back so that SQLite could restart the WAL file.',
      buckets: STORAGE_BUCKETS,
      registers,
    });
  }

  onModuleInit(): void {
    this.unsubscribe = this.observer.subscribe(this);
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  committed(jobs: number, seconds: number): void {
    this.batchJobs.observe(jobs);
    this.commitSeconds.observe(seconds);
  }

  walSynced(seconds: number): void {
    this.walSyncSeconds.observe(seconds);
  }

  commitsHeld(seconds: number): void {
    this.holdSeconds.observe(seconds);
  }
}
