import { type BenchContext, type IngestRun, ingestRun, measureIngest, startApp, withDatabase } from './scenarios.js';

/** Per run: the plain app, the app with extra handler modules, the app over a seeded inbox, back to back. */
export interface GrowthRun {
  readonly empty: IngestRun;
  readonly extraHandlers?: IngestRun;
  readonly seeded?: IngestRun;
}

export interface GrowthResult {
  readonly rows: number;
  readonly seedSeconds: number;
  readonly runs: readonly GrowthRun[];
}

/**
 * How cost grows with work: the ingest figure with `extraHandlers` more handler modules subscribed
 * to every event, and with `seededRows` processed deliveries (and their live dedupe keys) already in
 * the inbox, each against a plain empty-inbox app measured in the same run, so each ratio compares
 * like with like on a machine whose speed drifts.
 */
export async function measureGrowth(ctx: BenchContext): Promise<GrowthResult> {
  const { seededRows: rows, extraHandlers, runs: count } = ctx.options;
  return withDatabase(ctx, async (db) => {
    let seedSeconds = 0;
    if (rows > 0) {
      // The app creates the schema; the rows go straight into the database in one statement.
      const migrator = await startApp(ctx, db, { DISPATCHER_ENABLED: 'false' });
      await migrator.stop();
      const started = performance.now();
      await db.seed(rows);
      seedSeconds = (performance.now() - started) / 1000;
      ctx.log(`  seeded ${rows.toLocaleString('en')} rows in ${seedSeconds.toFixed(1)} s`);
    }
    const runs: GrowthRun[] = [];
    for (let run = 1; run <= count; run++) {
      ctx.log(`  growth run ${run}/${count}`);
      const empty = await ingestRun(ctx, 'app');
      const extra = extraHandlers > 0 ? await ingestRun(ctx, 'app', { BENCH_EXTRA_HANDLERS: String(extraHandlers) }) : undefined;
      let seeded: IngestRun | undefined;
      if (rows > 0) {
        const app = await startApp(ctx, db);
        try {
          seeded = await measureIngest(ctx, app, db);
        } finally {
          await app.stop();
        }
      }
      runs.push({ empty, extraHandlers: extra, seeded });
    }
    return { rows, seedSeconds, runs };
  });
}
