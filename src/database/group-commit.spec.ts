import { sql } from 'kysely';
import type { NewDelivery } from '../inbox/storage/inbox-record.js';
import { insertDelivery } from '../inbox/storage/intake-insert.js';
import { createDatabase } from './create-database.js';
import type { AppDatabase } from './database.js';
import { GroupCommit } from './group-commit.js';
import { migrateToLatest } from './migrate.js';

const WINDOW_MS = 60_000;

const sqlExec = (database: AppDatabase, statement: string) => sql.raw(statement).execute(database.db);

function delivery(deliveryId: string, idempotencyKey: string): NewDelivery {
  return { deliveryId, idempotencyKey, gatewayEvent: 'message', rawBody: Buffer.from('{}'), status: 'pending', receivedAt: Date.now() };
}

describe('GroupCommit (real SQLite)', () => {
  let database: AppDatabase;
  let commits: GroupCommit;

  beforeEach(async () => {
    database = createDatabase({ kind: 'sqlite', path: ':memory:' });
    const { error } = await migrateToLatest(database);
    if (error) throw error;
    commits = new GroupCommit(database.db);
  });
  afterEach(() => database.db.destroy());

  const storedIds = async () =>
    (await database.db.selectFrom('inbox_events').select('delivery_id').orderBy('id').execute()).map((row) => row.delivery_id);

  it('commits writes queued in the same turn together, settling each caller with its own result', async () => {
    const results = await Promise.all([
      commits.run((trx) => insertDelivery(trx, delivery('d1', 'k1'), WINDOW_MS)),
      commits.run((trx) => insertDelivery(trx, delivery('d2', 'k2'), WINDOW_MS)),
    ]);
    expect(results).toEqual([{ inserted: true }, { inserted: true }]);
    expect(await storedIds()).toEqual(['d1', 'd2']);
  });

  it('rolls back only the job that failed: the others in its batch commit', async () => {
    const first = commits.run((trx) => insertDelivery(trx, delivery('d1', 'k1'), WINDOW_MS));
    const failing = commits.run(async (trx) => {
      await insertDelivery(trx, delivery('d2', 'k2'), WINDOW_MS);
      throw new Error('handler write refused');
    });
    const third = commits.run((trx) => insertDelivery(trx, delivery('d3', 'k3'), WINDOW_MS));
    await expect(failing).rejects.toThrow('handler write refused');
    expect(await Promise.all([first, third])).toEqual([{ inserted: true }, { inserted: true }]);
    expect(await storedIds()).toEqual(['d1', 'd3']);
  });

  it('fails every caller when the batch cannot commit, and keeps none of its writes', async () => {
    await sqlExec(database, 'create table commit_guard (id integer primary key)');
    // With foreign keys deferred, the violation surfaces when the batch commits, after every job succeeded.
    await sqlExec(database, 'create table deferred_child (parent integer references commit_guard(id))');
    const first = commits.run((trx) => insertDelivery(trx, delivery('d1', 'k1'), WINDOW_MS));
    const breaking = commits.run(async (trx) => {
      await sql`pragma defer_foreign_keys = on`.execute(trx);
      await trx.insertInto('deferred_child' as never).values({ parent: 42 } as never).execute();
    });
    // Matched by message: SqliteError comes from the native module, loaded in another test file's realm
    // in a full run, where \`toThrow\` does not recognise it as an Error.
    const commitFailure = { message: expect.stringMatching(/FOREIGN KEY/) };
    await expect(first).rejects.toMatchObject(commitFailure);
    await expect(breaking).rejects.toMatchObject(commitFailure);
    expect(await storedIds()).toEqual([]);
  });

  it('dedupes two identical deliveries in one batch: one accepted, one duplicate of it', async () => {
    const results = await Promise.all([
      commits.run((trx) => insertDelivery(trx, delivery('d1', 'same'), WINDOW_MS)),
      commits.run((trx) => insertDelivery(trx, delivery('d2', 'same'), WINDOW_MS)),
    ]);
    expect(results).toEqual([{ inserted: true }, { inserted: false, existingDeliveryId: 'd1' }]);
    expect(await storedIds()).toEqual(['d1']);
  });

  it('runs writes queued while a batch is committing in the next batch', async () => {
    const first = commits.run((trx) => insertDelivery(trx, delivery('d1', 'k1'), WINDOW_MS));
    // Queued from inside the first batch's transaction, so it cannot be part of it.
    const later: Promise<unknown>[] = [];
    const opener = commits.run(async () => {
      later.push(commits.run((trx) => insertDelivery(trx, delivery('d3', 'k3'), WINDOW_MS)));
    });
    await Promise.all([first, opener]);
    expect(await storedIds()).toEqual(['d1']);
    await Promise.all(later);
    expect(await storedIds()).toEqual(['d1', 'd3']);
  });
});
