import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The open deliveries in arrival order. The claim walks it from the oldest and stops once it has
 * enough deliveries it may run, so a claim costs the same with a backlog of 10 or 100,000. Without
 * it SQLite gathered every open row through the status indexes, checked each for an earlier open
 * delivery of its chat, and only then sorted and cut: 3 ms per claim at a 5,000 backlog, blocking
 * the event loop (docs/PERFORMANCE.md).
 */
export function inboxOpenOrderMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await sql`CREATE INDEX inbox_events_open_id_idx ON inbox_events (id) WHERE status IN ('pending', 'processing')`.execute(db);
    },
  };
}
