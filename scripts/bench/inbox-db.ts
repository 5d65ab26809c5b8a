import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

export type DbKind = 'sqlite' | 'postgres';

export interface Timing {
  readonly receivedAt: number;
  readonly finishedAt: number;
  /** How many times the dispatcher claimed it (1 unless a run failed or its lease ran out). */
  readonly attempts: number;
  /** Its chat: deliveries of one chat run one at a time, in order. */
  readonly chatKey: string;
}

/**
 * A fresh inbox database for one app run, read directly by the bench (never through the app, so
 * measuring does not load the hot path): completion times, and seeding a million rows.
 */
export interface BenchDatabase {
  readonly url: string;
  /** `received_at` and `finished_at` (epoch ms), attempts and chat of each of these deliveries that has finished. */
  finishedAt(deliveryIds: readonly string[]): Promise<Map<string, Timing>>;
  /** Deliveries not yet processed (pending or processing). */
  openCount(): Promise<number>;
  /** Deliveries received by `epochMs` and not finished by then (the backlog at that instant, read afterwards). */
  openAt(epochMs: number): Promise<number>;
  /** Size of SQLite's WAL file now, in bytes (0 without one, and on PostgreSQL). */
  walBytes(): number;
  /** Inserts `rows` processed deliveries with live dedupe keys, as months of traffic leave them. */
  seed(rows: number): Promise<void>;
  drop(): Promise<void>;
}

const SEED_BODY = `{"device_id":"628123456789@s.whatsapp.net","event":"message","payload":{"body":"${'Seeded history row. '.repeat(12)}","chat_id":"628120000001@s.whatsapp.net","from":"628120000001@s.whatsapp.net","from_lid":"251556368777322@lid","from_name":"John Doe","id":"3EB0SEED","is_from_me":false,"sender_display_name":"Saved Contact","timestamp":"2026-01-01T00:00:00Z"}}`;
const DAY_MS = 86_400_000;

/** A finished delivery's row as both drivers return it (PostgreSQL's bigints as strings). */
interface TimingRow {
  readonly r: number | string;
  readonly f: number | string;
  readonly a: number | string;
  readonly c: string;
}

function timing(row: TimingRow): Timing {
  return { receivedAt: Number(row.r), finishedAt: Number(row.f), attempts: Number(row.a), chatKey: row.c };
}

export async function createBenchDatabase(kind: DbKind, tmpDir: string, postgresUrl: string): Promise<BenchDatabase> {
  return kind === 'sqlite' ? sqliteDatabase(tmpDir) : postgresDatabase(postgresUrl);
}

function sqliteDatabase(tmpDir: string): BenchDatabase {
  const dir = join(tmpDir, `inbox-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'webhooks.db');
  const open = () => new BetterSqlite3(path, { timeout: 10_000 });
  return {
    url: `sqlite:${path}`,
    walBytes: () => {
      try {
        return statSync(`${path}-wal`).size;
      } catch {
        return 0;
      }
    },
    async finishedAt(ids) {
      const db = open();
      try {
        const query = db.prepare(
          'SELECT received_at AS r, finished_at AS f, attempts AS a, chat_key AS c FROM inbox_events WHERE delivery_id = ? AND finished_at IS NOT NULL',
        );
        const found = new Map<string, Timing>();
        for (const id of ids) {
          const row = query.get(id) as TimingRow | undefined;
          if (row) found.set(id, timing(row));
        }
        return found;
      } finally {
        db.close();
      }
    },
    async openCount() {
      const db = open();
      try {
        return (db.prepare("SELECT count(*) AS n FROM inbox_events WHERE status IN ('pending','processing')").get() as { n: number }).n;
      } finally {
        db.close();
      }
    },
    async openAt(epochMs) {
      const db = open();
      try {
        return (db.prepare('SELECT count(*) AS n FROM inbox_events WHERE received_at <= ? AND (finished_at IS NULL OR finished_at > ?)').get(epochMs, epochMs) as { n: number }).n;
      } finally {
        db.close();
      }
    },
    async seed(rows) {
      const db = open();
      try {
        db.pragma('synchronous = OFF');
        const now = Date.now();
        db.transaction(() => {
          db.prepare(`INSERT INTO inbox_events (delivery_id, idempotency_key, gateway_event, device_id, chat_id, chat_key, raw_body,
              status, attempts, available_at, received_at, finished_at)
            WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < @rows)
            SELECT lower(hex(randomblob(16))), lower(hex(randomblob(32))), 'message', '628123456789@s.whatsapp.net',
              '62812' || (n % 5000) || '@s.whatsapp.net', '628123456789@s.whatsapp.net|62812' || (n % 5000) || '@s.whatsapp.net',
              CAST(@body AS BLOB), 'done', 1, @at - n, @at - n, @at - n + 40
            FROM seq`).run({ rows, body: SEED_BODY, at: now - DAY_MS });
          db.prepare(`INSERT INTO inbox_dedupe_keys (key, delivery_id, expires_at)
            SELECT idempotency_key, delivery_id, @expires FROM inbox_events`).run({ expires: now + 6 * DAY_MS });
        })();
      } finally {
        db.close();
      }
    },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresDatabase(baseUrl: string): Promise<BenchDatabase> {
  // A database, not a schema: Kysely's migrator looks for its lock table in every schema of the
  // database, so a schema-per-run boot fails while another schema (a test's) holds one.
  const name = `bench_${randomBytes(6).toString('hex')}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const query = async <T>(text: string, values: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  };
  return {
    url: url.toString(),
    walBytes: () => 0,
    async finishedAt(ids) {
      const rows = await query<TimingRow & { id: string }>(
        'SELECT delivery_id AS id, received_at AS r, finished_at AS f, attempts AS a, chat_key AS c FROM inbox_events WHERE delivery_id = ANY($1) AND finished_at IS NOT NULL',
        [ids],
      );
      return new Map(rows.map((row) => [row.id, timing(row)]));
    },
    async openCount() {
      const [row] = await query<{ n: string }>("SELECT count(*) AS n FROM inbox_events WHERE status IN ('pending','processing')");
      return Number(row.n);
    },
    async openAt(epochMs) {
      const [row] = await query<{ n: string }>('SELECT count(*) AS n FROM inbox_events WHERE received_at <= $1 AND (finished_at IS NULL OR finished_at > $1)', [epochMs]);
      return Number(row.n);
    },
    async seed(rows) {
      const at = Date.now() - DAY_MS;
      await query(
        `INSERT INTO inbox_events (delivery_id, idempotency_key, gateway_event, device_id, chat_id, chat_key, raw_body,
            status, attempts, available_at, received_at, finished_at)
          SELECT md5(random()::text || n), md5(random()::text || n) || md5(n::text), 'message', '628123456789@s.whatsapp.net',
            '62812' || (n % 5000) || '@s.whatsapp.net', '628123456789@s.whatsapp.net|62812' || (n % 5000) || '@s.whatsapp.net',
            convert_to($2, 'UTF8'), 'done', 1, $3::bigint - n, $3::bigint - n, $3::bigint - n + 40
          FROM generate_series(1, $1::int) AS n`,
        [rows, SEED_BODY, at],
      );
      await query('INSERT INTO inbox_dedupe_keys (key, delivery_id, expires_at) SELECT idempotency_key, delivery_id, $1::bigint FROM inbox_events', [
        at + 7 * DAY_MS,
      ]);
      await query('ANALYZE');
    },
    async drop() {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
