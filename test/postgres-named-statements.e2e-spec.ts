import { sql } from 'kysely';
import pg from 'pg';
import { closeDatabase } from '../src/database/create-database.js';
import type { AppDatabase } from '../src/database/index.js';
import { NAMED_STATEMENT_MIN_LENGTH, NAMED_STATEMENTS_PER_CONNECTION, nameLongStatements } from '../src/database/postgres-named-statements.js';
import { kyselyInbox } from '../src/inbox/storage/kysely-inbox-statements.js';
import { insertDeliveryInOneStatement } from '../src/inbox/storage/postgres-intake.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { openMigratedDatabase } from './support/message-log-database.js';

/** A statement of at least the minimum length whose text differs by `n` (a comment pads it). */
const longSelect = (n: number, star = false) => `select ${star ? '*' : '$1::int + ' + n + ' as total'} from (select 1 as one) t /* ${'x'.repeat(NAMED_STATEMENT_MIN_LENGTH)} */`;

describe('named prepared statements on PostgreSQL', () => {
  let testDb: TestDatabase;
  let client: pg.Client;

  beforeEach(async () => {
    testDb = await createTestDatabase('postgres');
    client = new pg.Client({ connectionString: testDb.url });
    await client.connect();
    nameLongStatements(client);
  });
  afterEach(async () => {
    await client.end();
    await testDb.drop();
  });

  // Read without a parameter array, so this query itself is never named.
  const prepared = async () => (await client.query('select name from pg_prepared_statements order by name')).rows.map((row: { name: string }) => row.name);

  it('prepares a long statement once per connection and runs it with each call\'s values', async () => {
    const first = await client.query(longSelect(1), [41]);
    const second = await client.query(longSelect(1), [1]);
    expect(first.rows).toEqual([{ total: 42 }]);
    expect(second.rows).toEqual([{ total: 2 }]);
    const names = await prepared();
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^app_[0-9a-f]{24}$/);
  });

  it('leaves short statements, statements without parameters, star results and callback calls unnamed', async () => {
    expect((await client.query('select $1::int as n', [7])).rows).toEqual([{ n: 7 }]);
    expect((await client.query(longSelect(4).replace('$1::int', '1'), [])).rows).toEqual([{ total: 5 }]);
    expect((await client.query(longSelect(2, true).replace('*', '*, $1::int as n'), [3])).rows).toEqual([{ one: 1, n: 3 }]);
    const viaCallback = await new Promise((resolve, reject) => client.query(longSelect(3), [1], (error, result) => (error ? reject(error) : resolve(result.rows))));
    expect(viaCallback).toEqual([{ total: 4 }]);
    expect(await prepared()).toEqual([]);
  });

  it('names at most the bound per connection; statements past it still run', async () => {
    for (let n = 0; n < NAMED_STATEMENTS_PER_CONNECTION + 3; n++) {
      expect((await client.query(longSelect(n), [1])).rows).toEqual([{ total: n + 1 }]);
    }
    expect(await prepared()).toHaveLength(NAMED_STATEMENTS_PER_CONNECTION);
    // A statement named before the bound was reached stays named.
    expect((await client.query(longSelect(0), [5])).rows).toEqual([{ total: 5 }]);
    expect(await prepared()).toHaveLength(NAMED_STATEMENTS_PER_CONNECTION);
  });
});

describe('the app\'s PostgreSQL pool', () => {
  let testDb: TestDatabase;
  let database: AppDatabase;

  afterEach(async () => {
    await closeDatabase(database);
    await testDb.drop();
  });

  async function open(preparedStatements?: boolean): Promise<void> {
    testDb = await createTestDatabase('postgres');
    database = await openMigratedDatabase(testDb.url, preparedStatements === undefined ? {} : { preparedStatements });
  }

  /** Stores and claims one delivery on one connection, and returns that connection's prepared statements. */
  const preparedAfterIntakeAndClaim = () =>
    database.db.connection().execute(async (connection) => {
      const delivery = { deliveryId: 'd1', idempotencyKey: 'k1', gatewayEvent: 'message', deviceId: 'dev', chatId: 'chat', rawBody: Buffer.from('{}'), status: 'pending', receivedAt: Date.now() } as const;
      expect(await insertDeliveryInOneStatement(connection, delivery, 60_000)).toEqual({ inserted: true });
      const claimed = await kyselyInbox.claim(connection, 'worker-1', 10, 30_000, Date.now(), true).execute();
      expect(claimed.map((row) => [row.delivery_id, row.status, row.raw_body.toString()])).toEqual([['d1', 'processing', '{}']]);
      return (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(connection)).rows.map((row) => row.statement);
    });

  it('runs the intake\'s and the claim\'s statements as named prepared statements on the connection that ran them', async () => {
    await open();
    const names = await preparedAfterIntakeAndClaim();
    expect(names).toEqual(expect.arrayContaining([expect.stringContaining('insert into inbox_dedupe_keys'), expect.stringContaining('for update skip locked')]));
    // The migrations' DDL (no parameters) ran on this pool too, and is not among them.
    expect(names.filter((statement) => /create table/i.test(statement))).toEqual([]);
  });

  it('prepares nothing with preparedStatements off (DATABASE_PREPARED_STATEMENTS=false), and works the same', async () => {
    await open(false);
    expect(await preparedAfterIntakeAndClaim()).toEqual([]);
  });
});
