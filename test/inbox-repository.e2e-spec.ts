import { sql } from 'kysely';
import { closeDatabase } from '../src/database/create-database.js';
import { type AppDatabase, createDatabaseWriter } from '../src/database/index.js';
import type { NewDelivery } from '../src/inbox/storage/inbox-record.js';
import { KyselyInboxRepository } from '../src/inbox/storage/kysely-inbox.repository.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './support/databases.js';
import { openMigratedDatabase } from './support/message-log-database.js';

const WINDOW_MS = 60_000;

/**
 * The inbox's writes on both databases. They differ in form (SQLite: prepared statements in a
 * group commit; PostgreSQL: one statement each, a data-modifying CTE), so the same cases pin
 * down that they do the same thing.
 */
describe.each(DATABASE_KINDS)('inbox repository writes on %s', (kind) => {
  let testDb: TestDatabase;
  let database: AppDatabase;
  let repository: KyselyInboxRepository;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openMigratedDatabase(testDb.url);
    repository = new KyselyInboxRepository(database, createDatabaseWriter(database));
  });
  afterEach(async () => {
    await closeDatabase(database);
    await testDb.drop();
  });

  const delivery = (deliveryId: string, key: string, changes: Partial<NewDelivery> = {}): NewDelivery => ({
    deliveryId,
    idempotencyKey: key,
    gatewayEvent: 'message',
    deviceId: '628123456789@s.whatsapp.net',
    chatId: '628120000001@s.whatsapp.net',
    rawBody: Buffer.from('{"event":"message","payload":{"id":"A1"}}'),
    status: 'pending',
    receivedAt: Date.now(),
    ...changes,
  });
  /** Deliveries (delivery id, key) handed in within one turn of the event loop: one group commit on SQLite, one statement on PostgreSQL. */
  const inOneTurn = (...deliveries: readonly (readonly [string, string])[]) =>
    deliveries.map(([deliveryId, key]) => repository.insert(delivery(deliveryId, key), WINDOW_MS));
  const rows = () => database.db.selectFrom('inbox_events').selectAll().orderBy('id').execute();
  const keyOwner = async (key: string) =>
    (await database.db.selectFrom('inbox_dedupe_keys').select('delivery_id').where('key', '=', key).executeTakeFirst())?.delivery_id;

  it('stores a new delivery with every column, and its key', async () => {
    const first = delivery('d1', 'k1', { rawBody: Buffer.from([0x7b, 0x00, 0xff, 0x7d]) });
    await expect(repository.insert(first, WINDOW_MS)).resolves.toEqual({ inserted: true });
    const [row] = await rows();
    expect(row).toMatchObject({
      delivery_id: 'd1',
      idempotency_key: 'k1',
      gateway_event: 'message',
      device_id: first.deviceId,
      chat_id: first.chatId,
      chat_key: `${first.deviceId}|${first.chatId}`,
      status: 'pending',
      attempts: 0,
      available_at: first.receivedAt,
      received_at: first.receivedAt,
      last_error: null,
      finished_at: null,
    });
    expect(Buffer.from(row!.raw_body as Uint8Array).equals(first.rawBody)).toBe(true);
    expect(await keyOwner('k1')).toBe('d1');
  });

  it('keeps an unrecognised delivery finished, with its reason; text columns lose NUL characters only', async () => {
    const kept = delivery('d1', 'k1', { status: 'unrecognized', lastError: 'unknown event "x\u0000y"', chatId: undefined, gatewayEvent: 'x\u0000y' });
    await expect(repository.insert(kept, WINDOW_MS)).resolves.toEqual({ inserted: true });
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'unrecognized', finished_at: kept.receivedAt, chat_id: null, chat_key: 'delivery|d1' });
    expect(row!.last_error).toContain('unknown event');
    expect(row!.gateway_event).toMatch(/^x.y$/);
  });

  it('answers a redelivery with a live key as a duplicate of the first, storing nothing', async () => {
    await repository.insert(delivery('d1', 'k1'), WINDOW_MS);
    await expect(repository.insert(delivery('d2', 'k1'), WINDOW_MS)).resolves.toEqual({ inserted: false, existingDeliveryId: 'd1' });
    expect((await rows()).map((row) => row.delivery_id)).toEqual(['d1']);
  });

  it('lets a delivery take over an expired key', async () => {
    await repository.insert(delivery('d1', 'k1', { receivedAt: Date.now() - 2 * WINDOW_MS }), WINDOW_MS);
    await expect(repository.insert(delivery('d2', 'k1'), WINDOW_MS)).resolves.toEqual({ inserted: true });
    expect((await rows()).map((row) => row.delivery_id)).toEqual(['d1', 'd2']);
    expect(await keyOwner('k1')).toBe('d2');
  });

  it('stores exactly one of ten concurrent deliveries of one event; the others name it', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => repository.insert(delivery(`d${i}`, 'same'), WINDOW_MS)));
    const stored = await rows();
    expect(stored).toHaveLength(1);
    const winner = stored[0]!.delivery_id;
    expect(results.filter((result) => result.inserted)).toHaveLength(1);
    for (const result of results) if (!result.inserted) expect(result.existingDeliveryId).toBe(winner);
  });

  it('answers each delivery of one turn for itself: new, a duplicate of an earlier one, a duplicate of one beside it', async () => {
    await repository.insert(delivery('d1', 'k1'), WINDOW_MS);
    const results = await Promise.all(inOneTurn(['d2', 'k1'], ['d3', 'k2'], ['d4', 'k2']));
    expect(results).toEqual([
      { inserted: false, existingDeliveryId: 'd1' },
      { inserted: true },
      { inserted: false, existingDeliveryId: 'd3' },
    ]);
    expect((await rows()).map((row) => row.delivery_id)).toEqual(['d1', 'd3']);
  });

  it("stores one turn's deliveries in the order they arrived, whatever their keys", async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `d${String(i).padStart(2, '0')}`);
    // Keys sorting the other way round: PostgreSQL claims keys in key order.
    await Promise.all(inOneTurn(...ids.map((id, i) => [id, `k${String(99 - i)}`] as const)));
    expect((await rows()).map((row) => row.delivery_id)).toEqual(ids);
  });

  (kind === 'postgres' ? it : it.skip)('stores one turn of deliveries in one PostgreSQL transaction', async () => {
    await Promise.all(inOneTurn(...Array.from({ length: 20 }, (_, i) => [`d${i}`, `k${i}`] as const)));
    // xmin: the transaction that wrote each row.
    const { rows: writers } = await sql<{ n: number }>`select count(distinct xmin::text)::int as n from inbox_events`.execute(database.db);
    expect(writers[0]!.n).toBe(1);
  });

  it('fails only the delivery that cannot be stored, not the others that arrived with it', async () => {
    await repository.insert(delivery('d1', 'k1'), WINDOW_MS);
    // A new key but a delivery id already stored: the row breaks a unique index.
    const results = await Promise.allSettled(inOneTurn(['d2', 'k2'], ['d1', 'k3'], ['d4', 'k4']));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await rows()).map((row) => row.delivery_id)).toEqual(['d1', 'd2', 'd4']);
    // Its key was given back with it, so the gateway's retry is not a duplicate of nothing.
    expect(await keyOwner('k3')).toBeUndefined();
  });

  describe('settle', () => {
    const outcome = (handler: string, ok: boolean) => ({ handler, ok, durationMs: 3.4, ...(ok ? {} : { error: 'Error: boom' }) });
    const outcomes = () =>
      database.db.selectFrom('handler_outcomes').select(['handler', 'status', 'attempts', 'last_error', 'duration_ms']).orderBy('handler').execute();

    beforeEach(async () => {
      await repository.insert(delivery('d1', 'k1'), WINDOW_MS);
    });

    it('records the outcomes and the result together, and counts a handler run again', async () => {
      const [claimed] = await repository.claim('worker-1', 10, 30_000);
      expect(claimed!.succeededHandlers).toEqual(kind === 'postgres' ? new Set() : undefined);
      await repository.settle(claimed!.id, 'd1', 'worker-1', [outcome('A', true), outcome('B', false)], { status: 'pending', availableAt: 0, error: 'B: boom' });
      expect(await outcomes()).toEqual([
        { handler: 'A', status: 'succeeded', attempts: 1, last_error: null, duration_ms: 3 },
        { handler: 'B', status: 'failed', attempts: 1, last_error: 'Error: boom', duration_ms: 3 },
      ]);
      expect((await rows())[0]).toMatchObject({ status: 'pending', last_error: 'B: boom', locked_by: null, locked_until: null, finished_at: null });
      expect(await repository.succeededHandlers('d1')).toEqual(new Set(['A']));

      const [again] = await repository.claim('worker-1', 10, 30_000);
      // What the retry's run skips: PostgreSQL's claim reads it in the same statement; SQLite's run asks.
      expect(again!.succeededHandlers).toEqual(kind === 'postgres' ? new Set(['A']) : undefined);
      await repository.settle(again!.id, 'd1', 'worker-1', [outcome('B', true)], { status: 'done' });
      expect((await outcomes()).map((row) => [row.handler, row.status, row.attempts])).toEqual([
        ['A', 'succeeded', 1],
        ['B', 'succeeded', 2],
      ]);
      expect((await rows())[0]).toMatchObject({ status: 'done', last_error: null, locked_by: null });
      expect((await rows())[0]!.finished_at).not.toBeNull();
    });

    it('leaves the delivery alone when the worker no longer holds its lease', async () => {
      const [claimed] = await repository.claim('worker-1', 10, 30_000);
      await repository.settle(claimed!.id, 'd1', 'worker-2', [outcome('A', true)], { status: 'done' });
      expect((await rows())[0]).toMatchObject({ status: 'processing', locked_by: 'worker-1', finished_at: null });
    });

    it('settles a run without outcomes (no handler subscribed)', async () => {
      const [claimed] = await repository.claim('worker-1', 10, 30_000);
      await repository.settle(claimed!.id, 'd1', 'worker-1', [], { status: 'dead', error: 'gave up' });
      expect(await outcomes()).toEqual([]);
      expect((await rows())[0]).toMatchObject({ status: 'dead', last_error: 'gave up', locked_by: null });
    });
  });
});
