/**
 * The app's SQLite commit histograms (`whatsapp_sqlite_*` on /metrics), read before and after a
 * load, so the bench can say what the acknowledgments waited for during that load: how many
 * commits, how large, how long their WAL syncs took, how often a close-out held them back.
 */
export interface CommitTimings {
  readonly commits: number;
  readonly meanBatchJobs: number;
  /** Upper bounds of the histogram buckets that hold the 50th and 99th percentile sync. */
  readonly walSyncP50Ms: number;
  readonly walSyncP99Ms: number;
  readonly holds: number;
  readonly holdTotalMs: number;
}

type Snapshot = ReadonlyMap<string, number>;

/** Every sample of the app's `whatsapp_sqlite_` metrics, keyed by its name and labels as printed. */
export async function scrapeCommitMetrics(url: string): Promise<Snapshot> {
  const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5000) })).text();
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('whatsapp_sqlite_')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

/** What changed between two scrapes; undefined if the app reports no commits (PostgreSQL). */
export function commitTimingsBetween(before: Snapshot, after: Snapshot): CommitTimings | undefined {
  const delta = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
  const commits = delta('whatsapp_sqlite_commit_seconds_count');
  if (!(commits > 0)) return undefined;
  const syncs = delta('whatsapp_sqlite_wal_sync_seconds_count');
  return {
    commits,
    meanBatchJobs: delta('whatsapp_sqlite_commit_batch_jobs_sum') / commits,
    walSyncP50Ms: bucketQuantile(before, after, 'whatsapp_sqlite_wal_sync_seconds', syncs, 0.5) * 1000,
    walSyncP99Ms: bucketQuantile(before, after, 'whatsapp_sqlite_wal_sync_seconds', syncs, 0.99) * 1000,
    holds: delta('whatsapp_sqlite_wal_closeout_hold_seconds_count'),
    holdTotalMs: delta('whatsapp_sqlite_wal_closeout_hold_seconds_sum') * 1000,
  };
}

/** The smallest bucket bound `le` whose count since `before` reaches quantile `q` (Infinity past the last bound). */
function bucketQuantile(before: Snapshot, after: Snapshot, name: string, total: number, q: number): number {
  if (!(total > 0)) return Number.NaN;
  const bounds = [...after.keys()]
    .map((key) => /^(\w+)_bucket\{le="([^"]+)"\}$/.exec(key))
    .filter((match): match is RegExpExecArray => match !== null && match[1] === name)
    .map((match) => ({ key: match[0], le: match[2] === '+Inf' ? Number.POSITIVE_INFINITY : Number(match[2]) }))
    .sort((a, b) => a.le - b.le);
  for (const { key, le } of bounds) if ((after.get(key) ?? 0) - (before.get(key) ?? 0) >= q * total) return le;
  return Number.POSITIVE_INFINITY;
}
