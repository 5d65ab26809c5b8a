import type { DiskProbe } from './disk-probe.js';
import type { DrainResult, SteadyResult } from './dispatcher-scenarios.js';
import type { GrowthResult, GrowthRun } from './growth-scenarios.js';
import type { LoadResult } from './load.js';
import type { IngestRun } from './scenarios.js';
import { type Figure, figure } from './stats.js';
import type { TargetKind } from './targets.js';

export interface RawResults {
  readonly ingest: Record<TargetKind, IngestRun[]>;
  readonly drain?: DrainResult;
  readonly steady?: SteadyResult;
  readonly growth?: GrowthResult;
  /** The disk probe before the loads and after them. */
  readonly disk: readonly DiskProbe[];
}

export interface ReceiverSummary {
  readonly eventsPerSecond10: Figure;
  readonly eventsPerSecond50: Figure;
  readonly ackP50Ms50: Figure;
  readonly ackP99Ms50: Figure;
  readonly ackMaxMs50: Figure;
  readonly ackP99Ms10: Figure;
  readonly peakRssMb: Figure;
  /** The machine's CPU time given to other guests during the 50-connection loads, in %. */
  readonly stealPercent50: Figure;
}

export interface Target {
  readonly name: string;
  readonly actual: number;
  readonly limit: number;
  readonly atLeast: boolean;
  readonly met: boolean;
}

export interface Summary {
  readonly receivers: Record<TargetKind, ReceiverSummary>;
  /** Same-run ratios, app ÷ reference, median over runs. */
  readonly ratios: { readonly vsExpress10: Figure; readonly vsExpress50: Figure; readonly vsNodeHttp10: Figure; readonly vsNodeHttp50: Figure };
  readonly drain?: DrainResult;
  readonly steady?: SteadyResult;
  readonly disk: readonly DiskProbe[];
  /** 50-connection ingest figures, and same-run ratios against the plain app of the growth runs. */
  readonly seeded?: { readonly rows: number; readonly seedSeconds: number; readonly eventsPerSecond50: Figure; readonly vsEmpty: Figure };
  readonly extraHandlers?: { readonly eventsPerSecond50: Figure; readonly vsNone: Figure };
  /** What the app's 50-connection burst left to process, and how long working it off took (median over runs). */
  readonly afterBurst?: { readonly backlog: Figure; readonly drainSeconds: Figure; readonly eventsPerSecond: Figure };
  /** The app's SQLite group commits during its 50-connection loads (median over runs). */
  readonly commitsAt50?: {
    readonly meanBatchJobs: Figure;
    readonly walSyncP50Ms: Figure;
    readonly walSyncP99Ms: Figure;
    readonly holds: Figure;
    readonly holdTotalMs: Figure;
  };
  /** Connection errors, timeouts and non-2xx answers over every load in the run: must be 0. */
  readonly errors: number;
  readonly peakAppRssMb: number;
  readonly targets: readonly Target[];
}

function receiver(runs: readonly IngestRun[]): ReceiverSummary {
  const of = (pick: (run: IngestRun) => number) => figure(runs.map(pick));
  return {
    eventsPerSecond10: of((r) => r.at10.eventsPerSecond),
    eventsPerSecond50: of((r) => r.at50.eventsPerSecond),
    ackP50Ms50: of((r) => r.at50.latencyMs.p50),
    ackP99Ms50: of((r) => r.at50.latencyMs.p99),
    ackMaxMs50: of((r) => r.at50.latencyMs.max),
    ackP99Ms10: of((r) => r.at10.latencyMs.p99),
    peakRssMb: of((r) => r.peakRssMb),
    stealPercent50: of((r) => r.at50.stealPercent),
  };
}

function ratio(raw: RawResults, reference: TargetKind, pick: (run: IngestRun) => LoadResult): Figure {
  return figure(raw.ingest.app.map((run, i) => pick(run).eventsPerSecond / pick(raw.ingest[reference][i]).eventsPerSecond));
}

function loadErrors(runs: readonly IngestRun[]): number {
  return runs.reduce((sum, run) => sum + run.at10.errors + run.at10.non2xx + run.at50.errors + run.at50.non2xx, 0);
}

export function summarize(raw: RawResults): Summary {
  const receivers = { 'node-http': receiver(raw.ingest['node-http']), express: receiver(raw.ingest.express), app: receiver(raw.ingest.app) };
  const growth = raw.growth?.runs ?? [];
  const growthFigures = (pick: (run: GrowthRun) => IngestRun | undefined) => {
    const pairs = growth.flatMap((run) => {
      const measured = pick(run);
      return measured ? [[measured.at50.eventsPerSecond, run.empty.at50.eventsPerSecond]] : [];
    });
    return pairs.length === 0 ? undefined : { eventsPerSecond50: figure(pairs.map(([value]) => value)), ratio: figure(pairs.map(([value, empty]) => value / empty)) };
  };
  const seededFig = growthFigures((run) => run.seeded);
  const extraFig = growthFigures((run) => run.extraHandlers);
  const ratios = {
    vsExpress10: ratio(raw, 'express', (r) => r.at10),
    vsExpress50: ratio(raw, 'express', (r) => r.at50),
    vsNodeHttp10: ratio(raw, 'node-http', (r) => r.at10),
    vsNodeHttp50: ratio(raw, 'node-http', (r) => r.at50),
  };
  const growthRuns = growth.flatMap((run) => [run.empty, run.extraHandlers, run.seeded].filter((r): r is IngestRun => r !== undefined));
  const appRuns = [...raw.ingest.app, ...growthRuns];
  const peakAppRssMb = Math.max(...appRuns.map((r) => r.peakRssMb), raw.steady?.peakRssMb ?? 0);
  const errors =
    loadErrors(Object.values(raw.ingest).flat()) + loadErrors(growthRuns) +
    (raw.steady ? raw.steady.errors + raw.steady.non2xx : 0);
  const targets: Target[] = [
    check('ingest ÷ Express (50 conns)', ratios.vsExpress50.median, 0.5, true),
    check('ack p99 at 50 conns (ms)', receivers.app.ackP99Ms50.median, 25, false),
    check('peak RSS (MB)', peakAppRssMb, 250, false),
    check('errors + non-2xx', errors, 0, false),
  ];
  if (raw.steady) {
    targets.push(check(`end-to-end p99 at ${raw.steady.rate}/s (ms)`, raw.steady.endToEndMs.p99, 250, false));
    targets.push(check('deliveries unfinished after the steady run', raw.steady.unfinished, 0, false));
    targets.push(check('backlog when the steady load stopped (≤ 250 ms of work)', raw.steady.backlogAtLoadEnd, raw.steady.rate / 4, false));
    targets.push(check('steady events accepted ÷ sent', raw.steady.accepted / raw.steady.offered, 0.95, true));
    // Not one of the targets: a WAL that grew with every byte written filled disks (round 3).
    if (raw.steady.peakWalMb > 0) targets.push(check('SQLite WAL file during the steady run (MB)', raw.steady.peakWalMb, WAL_LIMIT_MB, false));
  }
  if (seededFig) targets.push(check(`ingest with ${raw.growth?.rows.toLocaleString('en')} rows ÷ empty`, seededFig.ratio.median, 0.8, true));
  const bursts = raw.ingest.app.flatMap((run) => (run.afterBurst ? [run.afterBurst] : []));
  const afterBurst =
    bursts.length === 0
      ? undefined
      : {
          backlog: figure(bursts.map((b) => b.backlog)),
          drainSeconds: figure(bursts.map((b) => b.drainMs / 1000)),
          eventsPerSecond: figure(bursts.map((b) => b.backlog / Math.max(b.drainMs / 1000, 0.001))),
        };
  const timings = raw.ingest.app.flatMap((run) => (run.commitsAt50 ? [run.commitsAt50] : []));
  const commitsAt50 =
    timings.length === 0
      ? undefined
      : {
          meanBatchJobs: figure(timings.map((t) => t.meanBatchJobs)),
          walSyncP50Ms: figure(timings.map((t) => t.walSyncP50Ms)),
          walSyncP99Ms: figure(timings.map((t) => t.walSyncP99Ms)),
          holds: figure(timings.map((t) => t.holds)),
          holdTotalMs: figure(timings.map((t) => t.holdTotalMs)),
        };
  return {
    receivers,
    ratios,
    afterBurst,
    commitsAt50,
    drain: raw.drain,
    steady: raw.steady,
    disk: raw.disk,
    seeded: raw.growth && seededFig ? { rows: raw.growth.rows, seedSeconds: raw.growth.seedSeconds, eventsPerSecond50: seededFig.eventsPerSecond50, vsEmpty: seededFig.ratio } : undefined,
    extraHandlers: extraFig ? { eventsPerSecond50: extraFig.eventsPerSecond50, vsNone: extraFig.ratio } : undefined,
    errors,
    peakAppRssMb,
    targets,
  };
}

/** The app's `journal_size_limit` (64 MiB) plus a second of writes at the steady rate, with room. */
const WAL_LIMIT_MB = 128;

function check(name: string, actual: number, limit: number, atLeast: boolean): Target {
  return { name, actual, limit, atLeast, met: atLeast ? actual >= limit : actual <= limit };
}
