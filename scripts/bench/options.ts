import type { DbKind } from './inbox-db.js';

export type Mode = 'smoke' | 'quick' | 'full' | 'ingest';

export interface BenchOptions {
  readonly mode: Mode;
  readonly db: DbKind;
  readonly runs: number;
  /** Events per ingest measurement (each at 10 and at 50 connections). */
  readonly ingestEvents: number;
  readonly steadyRate: number;
  readonly steadySeconds: number;
  /**
   * The same rate for this long before the measured steady run, from the app's cold start; its
   * figures are reported on their own (the JIT and SQLite's cache warming up), not in the target.
   */
  readonly steadyWarmupSeconds: number;
  /** Events queued with the dispatcher off, then timed while it drains them. */
  readonly drainEvents: number;
  readonly seededRows: number;
  readonly extraHandlers: number;
  /** The disk probe before the loads and after them (`probeDisk`). */
  readonly diskProbeSeconds: number;
  readonly cpuProf: boolean;
  readonly out?: string;
  readonly postgresUrl: string;
}

const MODES: Record<Mode, Omit<BenchOptions, 'mode' | 'db' | 'cpuProf' | 'out' | 'postgresUrl'>> = {
  smoke: { runs: 1, ingestEvents: 300, steadyRate: 100, steadySeconds: 2, steadyWarmupSeconds: 1, drainEvents: 0, seededRows: 0, extraHandlers: 0, diskProbeSeconds: 1 },
  quick: { runs: 3, ingestEvents: 8000, steadyRate: 1000, steadySeconds: 15, steadyWarmupSeconds: 5, drainEvents: 5000, seededRows: 0, extraHandlers: 20, diskProbeSeconds: 10 },
  // The ingest figures alone (all three receivers): the quick loop while working on the ack path.
  ingest: { runs: 3, ingestEvents: 8000, steadyRate: 1000, steadySeconds: 0, steadyWarmupSeconds: 0, drainEvents: 0, seededRows: 0, extraHandlers: 0, diskProbeSeconds: 10 },
  full: { runs: 3, ingestEvents: 15_000, steadyRate: 1000, steadySeconds: 60, steadyWarmupSeconds: 5, drainEvents: 10_000, seededRows: 1_000_000, extraHandlers: 20, diskProbeSeconds: 20 },
};

export const USAGE = `npm run bench -- [--quick | --full | --smoke | --ingest] [--db sqlite|postgres] [--runs N] [--cpu-prof] [--out result.json]
  --full (default)  3 runs, 15,000 events per ingest figure, 60 s at 1,000 events/s, 1,000,000 seeded rows, 20 handler modules
  --quick           3 runs, 8,000 events, 15 s steady, no seeded rows
  --ingest          3 runs, the 8,000-event ingest figures only (for work on the ack path)
  --smoke           1 run, 300 events, 2 s steady at 100/s: checks the bench works (CI)
  --cpu-prof        writes V8 CPU profiles of the app into .bench/profiles/
  PostgreSQL: BENCH_POSTGRES_URL (default TEST_POSTGRES_URL, else postgres://postgres@127.0.0.1:5432/test)`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  let mode: Mode = 'full';
  let db: DbKind = 'sqlite';
  let runs: number | undefined;
  let cpuProf = false;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--smoke' || arg === '--quick' || arg === '--full' || arg === '--ingest') mode = arg.slice(2) as Mode;
    else if (arg === '--db') db = parseDb(argv[++i]);
    else if (arg === '--runs') runs = Number(argv[++i]);
    else if (arg === '--cpu-prof') cpuProf = true;
    else if (arg === '--out') out = argv[++i];
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  if (runs !== undefined && !(Number.isInteger(runs) && runs > 0)) throw new Error('--runs needs a positive integer');
  const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  return { ...MODES[mode], ...(runs ? { runs } : {}), mode, db, cpuProf, out, postgresUrl };
}

function parseDb(value: string | undefined): DbKind {
  if (value === 'sqlite' || value === 'postgres') return value;
  throw new Error(`--db takes sqlite or postgres\n${USAGE}`);
}
