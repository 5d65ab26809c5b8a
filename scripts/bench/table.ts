import { DISK_PROBE_PATTERN, STALL_MS } from './disk-probe.js';
import type { Summary } from './summary.js';
import type { Figure } from './stats.js';

const fmt = (value: number, digits = 0) => (Number.isFinite(value) ? value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');
const fig = (f: Figure, digits = 0) => `${fmt(f.median, digits)} ±${fmt(f.noisePct)}%`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  return rows.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ')).join('\n');
}

/** One table: medians over the runs, with the spread between runs as ±%. */
export function renderTable(summary: Summary, header: string): string {
  const { receivers: r, ratios } = summary;
  const lines: string[] = [header, ''];
  const row = (name: string, pick: (k: 'node-http' | 'express' | 'app') => string) => [name, pick('node-http'), pick('express'), pick('app')];
  lines.push(
    table([
      ['ingest (median ±spread)', 'node:http', 'Express', 'this app'],
      row('events/s, 10 connections', (k) => fig(r[k].eventsPerSecond10)),
      row('events/s, 50 connections', (k) => fig(r[k].eventsPerSecond50)),
      row('ack p50 ms, 50 conns', (k) => fig(r[k].ackP50Ms50, 1)),
      row('ack p99 ms, 50 conns', (k) => fig(r[k].ackP99Ms50, 1)),
      row('ack max ms, 50 conns', (k) => fig(r[k].ackMaxMs50, 1)),
      row('ack p99 ms, 10 conns', (k) => fig(r[k].ackP99Ms10, 1)),
      row('peak RSS MB', (k) => fig(r[k].peakRssMb)),
      // How far each load was from a quiet machine: stolen CPU slows every figure above, the tail most.
      row('CPU steal %, 50 conns', (k) => `${fmt(r[k].stealPercent50.median, 1)} (max ${fmt(Math.max(...r[k].stealPercent50.runs.filter(Number.isFinite)), 1)})`),
    ]),
    '',
    `app ÷ Express:   ${fig(ratios.vsExpress10, 2)} at 10 conns, ${fig(ratios.vsExpress50, 2)} at 50 conns`,
    `app ÷ node:http: ${fig(ratios.vsNodeHttp10, 2)} at 10 conns, ${fig(ratios.vsNodeHttp50, 2)} at 50 conns`,
  );
  if (summary.afterBurst) {
    const b = summary.afterBurst;
    lines.push(`after the app's 50-connection burst: ${fig(b.backlog)} deliveries still to process, worked off in ${fig(b.drainSeconds, 1)} s (${fig(b.eventsPerSecond)} events/s)`);
  }
  if (summary.commitsAt50) {
    const c = summary.commitsAt50;
    lines.push(
      `the app's commits during its 50-connection load: ${fig(c.meanBatchJobs, 1)} writes per commit, WAL sync p50 ≤ ${fig(c.walSyncP50Ms, 1)} ms, ` +
        `p99 ≤ ${fig(c.walSyncP99Ms, 1)} ms (bucket bounds); ${fig(c.holds)} close-out(s) holding commits ${fig(c.holdTotalMs, 1)} ms in all`,
    );
  }
  if (summary.drain) lines.push(`dispatcher drain: ${fmt(summary.drain.eventsPerSecond)} events/s over a backlog of ${fmt(summary.drain.events)}`);
  const s = summary.steady;
  if (s) {
    lines.push(
      `steady ${fmt(s.rate)}/s for ${s.seconds} s: ${fmt(s.accepted)} of ${fmt(s.offered)} sent accepted (${fmt(s.accepted / s.seconds)}/s), end-to-end p50 ${fmt(s.endToEndMs.p50)} ms, p99 ${fmt(s.endToEndMs.p99)} ms, max ${fmt(s.endToEndMs.max)} ms;` +
        ` backlog max ${fmt(s.maxBacklog)}, ${fmt(s.backlogAtLoadEnd)} when the load stopped; ack p99 ${fmt(s.ackP99Ms, 1)} ms (from the due time) over at most ${fmt(s.peakConnections)} connections, sends at most ${fmt(s.maxSendLagMs, 1)} ms late; unfinished ${s.unfinished}` +
        (s.slowest ? `; the slowest delivery: ${fmt(s.slowest.endToEndMs)} ms, ${s.slowest.attempts} attempt(s), behind ${fmt(s.slowest.behindInChat)} of its chat` : '') +
        `; ${fmt(s.rerun)} run more than once` +
        (s.peakWalMb > 0 ? `; WAL file at most ${fmt(s.peakWalMb, 1)} MB` : '') +
        `; CPU steal ${fmt(s.stealPercent, 1)} %`,
    );
    if (s.warmup) {
      const w = s.warmup;
      lines.push(`  before it, the ${w.seconds} s warm-up from a cold start (not in the targets): end-to-end p50 ${fmt(w.endToEndMs.p50)} ms, p99 ${fmt(w.endToEndMs.p99)} ms, max ${fmt(w.endToEndMs.max)} ms; ack p99 ${fmt(w.ackP99Ms, 1)} ms`);
    }
  }
  if (summary.seeded) {
    lines.push(`with ${fmt(summary.seeded.rows)} rows (seeded in ${fmt(summary.seeded.seedSeconds, 1)} s): ${fig(summary.seeded.eventsPerSecond50)} events/s at 50 conns = ${fig(summary.seeded.vsEmpty, 2)} × empty (same run)`);
  }
  if (summary.extraHandlers) {
    lines.push(`with the extra handler modules: ${fig(summary.extraHandlers.eventsPerSecond50)} events/s at 50 conns = ${fig(summary.extraHandlers.vsNone, 2)} × none (same run)`);
  }
  for (const [i, d] of summary.disk.entries()) {
    lines.push(
      `disk ${i === 0 ? 'before' : 'after'} the loads (${DISK_PROBE_PATTERN}, ${d.seconds} s): p50 ${fmt(d.syncMs.p50, 2)} ms, p99 ${fmt(d.syncMs.p99, 1)} ms, ` +
        `max ${fmt(d.syncMs.max)} ms; ${d.stalls} stall(s) over ${STALL_MS} ms, ${fmt(d.stalledSeconds, 2)} s in all (every durable answer waits for such syncs)`,
    );
  }
  lines.push(`errors + non-2xx: ${summary.errors}; peak app RSS ${fmt(summary.peakAppRssMb)} MB`, '', 'targets:');
  for (const t of summary.targets) lines.push(`  ${t.met ? 'met   ' : 'MISSED'} ${t.name}: ${fmt(t.actual, 2)} (${t.atLeast ? '≥' : '≤'} ${t.limit})`);
  return lines.join('\n');
}
