import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { type DiskProbe, probeDisk } from './disk-probe.js';
import { measureDrain, measureSteady } from './dispatcher-scenarios.js';
import { measureGrowth } from './growth-scenarios.js';
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

  // Before and after the loads: this VM's disk changes within minutes, and it bounds the app's tail.
  const probe = () => {
    log(`disk probe, ${options.diskProbeSeconds} s`);
    return probeDisk(join(workDir, 'tmp'), options.diskProbeSeconds);
  };
  const disk: DiskProbe[] = [await probe()];
  const ingest: Record<TargetKind, IngestRun[]> = { 'node-http': [], express: [], app: [] };
  for (let run = 1; run <= options.runs; run++) {
    // Interleaved, so drift on a shared machine hits all three receivers alike.
    for (const kind of ['node-http', 'express', 'app'] as const) {
      log(`run ${run}/${options.runs}: ${kind}`);
      ingest[kind].push(await ingestRun(ctx, kind));
    }
  }
  const raw: { -readonly [K in keyof RawResults]: RawResults[K] } = { ingest, disk };
  // A later phase failing must not lose the figures already taken: it is reported and skipped.
  const phase = async <T>(name: string, measure: () => Promise<T>): Promise<T | undefined> => {
    log(name);
    try {
      return await measure();
    } catch (error) {
      failures.push(`${name}: ${(error as Error).message}`);
      log(`  failed: ${(error as Error).message}`);
      return undefined;
    }
  };
  const failures: string[] = [];
  if (options.steadySeconds > 0) raw.steady = await phase(`steady ${options.steadyRate}/s for ${options.steadySeconds} s`, () => measureSteady(ctx));
  if (options.drainEvents > 0) raw.drain = await phase(`dispatcher drain of ${options.drainEvents} events`, () => measureDrain(ctx));
  if (options.extraHandlers > 0 || options.seededRows > 0) {
    raw.growth = await phase(`growth: ${options.extraHandlers} extra handler modules, ${options.seededRows} rows in the inbox`, () => measureGrowth(ctx));
  }

  disk.push(await probe());
  const summary = summarize(raw);
  const machine = { cpus: cpus().length, node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: loadavg()[0] };
  const header =
    `npm run bench -- --${options.mode} --db ${options.db}: ${options.runs} run(s), ${options.ingestEvents} events per figure; ` +
    `${options.extraHandlers} extra handler modules, ${options.seededRows} seeded rows; ${machine.cpus} CPUs, load average ${machine.loadAverageBefore.toFixed(1)} → ${machine.loadAverageAfter.toFixed(1)}, Node ${machine.node}`;
  process.stdout.write(`${renderTable(summary, header)}\n`);
  for (const failure of failures) process.stdout.write(`FAILED phase ${failure}\n`);
  const result = JSON.stringify({ mode: options.mode, db: options.db, runs: options.runs, machine, failures, summary, raw }, null, 2);
  writeFileSync(join(workDir, 'result.json'), result);
  if (options.out) writeFileSync(options.out, result);
  rmSync(join(workDir, 'tmp'), { recursive: true, force: true });
  log(`full results: ${join(workDir, 'result.json')}`);
  if (failures.length > 0 || summary.errors > 0) process.exitCode = 1;
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
