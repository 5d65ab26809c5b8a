import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { measureDrain, measureSteady } from './dispatcher-scenarios.js';
import { measureExtraHandlers, measureSeeded } from './growth-scenarios.js';
import { parseOptions, type BenchOptions } from './options.js';
import { type BenchContext, type IngestRun, ingestRun } from './scenarios.js';
import { type RawResults, summarize } from './summary.js';
import { renderTable } from './table.js';
import type { TargetKind } from './targets.js';

/**
 * `npm run bench`: the app (built, run as a production process) against two reference receivers
 * in the same run, driven over 127.0.0.1 by this process. See docs/PERFORMANCE.md.
 */
async function main(options: BenchOptions): Promise<void> {
  const root = resolve(process.cwd());
  const workDir = join(root, '.bench', `run-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(join(workDir, 'tmp'), { recursive: true });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const ctx: BenchContext = { root, workDir, secret: randomBytes(24).toString('hex'), options, log };
  const loadBefore = loadavg()[0];

  const ingest: Record<TargetKind, IngestRun[]> = { 'node-http': [], express: [], app: [] };
  for (let run = 1; run <= options.runs; run++) {
    // Interleaved, so drift on a shared machine hits all three receivers alike.
    for (const kind of ['node-http', 'express', 'app'] as const) {
      log(`run ${run}/${options.runs}: ${kind}`);
      ingest[kind].push(await ingestRun(ctx, kind));
    }
  }
  const raw: { -readonly [K in keyof RawResults]: RawResults[K] } = { ingest };
  log(`steady ${options.steadyRate}/s for ${options.steadySeconds} s`);
  raw.steady = await measureSteady(ctx);
  if (options.drainEvents > 0) {
    log(`dispatcher drain of ${options.drainEvents} events`);
    raw.drain = await measureDrain(ctx);
  }
  if (options.extraHandlers > 0) {
    log(`${options.extraHandlers} extra handler modules`);
    raw.extraHandlers = await measureExtraHandlers(ctx);
  }
  if (options.seededRows > 0) {
    log(`${options.seededRows} rows in the inbox`);
    raw.seeded = await measureSeeded(ctx);
  }

  const summary = summarize(raw);
  const machine = { cpus: cpus().length, node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: loadavg()[0] };
  const header =
    `npm run bench -- --${options.mode} --db ${options.db}: ${options.runs} run(s), ${options.ingestEvents} events per figure; ` +
    `${machine.cpus} CPUs, load average ${machine.loadAverageBefore.toFixed(1)} → ${machine.loadAverageAfter.toFixed(1)}, Node ${machine.node}`;
  process.stdout.write(`${renderTable(summary, header)}\n`);
  const result = JSON.stringify({ mode: options.mode, db: options.db, runs: options.runs, machine, summary, raw }, null, 2);
  writeFileSync(join(workDir, 'result.json'), result);
  if (options.out) writeFileSync(options.out, result);
  rmSync(join(workDir, 'tmp'), { recursive: true, force: true });
  log(`full results: ${join(workDir, 'result.json')}`);
}

let options: BenchOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
main(options).catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
