import { type BenchContext, type IngestRun, ingestRun, measureIngest, startApp, withDatabase } from './scenarios.js';

export interface SeededResult {
  readonly rows: number;
  readonly seedSeconds: number;
  readonly runs: readonly IngestRun[];
}

/** The ingest figure with `seededRows` processed deliveries (and their live dedupe keys) already in the inbox. */
export async function measureSeeded(ctx: BenchContext): Promise<SeededResult> {
  const rows = ctx.options.seededRows;
  return withDatabase(ctx, async (db) => {
    // The app creates the schema; the rows go straight into the database in one statement.
    const migrator = await startApp(ctx, db, { DISPATCHER_ENABLED: 'false' });
    await migrator.stop();
    const started = performance.now();
    await db.seed(rows);
    const seedSeconds = (performance.now() - started) / 1000;
    ctx.log(`  seeded ${rows.toLocaleString('en')} rows in ${seedSeconds.toFixed(1)} s`);
    const app = await startApp(ctx, db);
    try {
      const runs: IngestRun[] = [];
      for (let run = 0; run < ctx.options.runs; run++) runs.push(await measureIngest(ctx, app));
      return { rows, seedSeconds, runs };
    } finally {
      await app.stop();
    }
  });
}

/** The ingest figure with `extraHandlers` more handler modules subscribed to every event. */
export async function measureExtraHandlers(ctx: BenchContext): Promise<IngestRun[]> {
  const runs: IngestRun[] = [];
  for (let run = 0; run < ctx.options.runs; run++) {
    runs.push(await ingestRun(ctx, 'app', { BENCH_EXTRA_HANDLERS: String(ctx.options.extraHandlers) }));
  }
  return runs;
}
