import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, createDatabase } from '../../database/create-database.js';
import type { AppDatabase } from '../../database/database.js';
import { GroupCommit } from '../../database/group-commit.js';
import { migrateToLatest } from '../../database/migrate.js';
import { HeldWalSync } from '../../../test/support/held-wal-sync.js';
import type { NewDelivery } from './inbox-record.js';
import { KyselyInboxRepository } from './kysely-inbox.repository.js';

const delivery = (deliveryId: string, chat: string): NewDelivery => ({
  deliveryId,
  idempotencyKey: `key-${deliveryId}`,
  gatewayEvent: 'message',
  chatId: `${chat}@s.whatsapp.net`,
  rawBody: Buffer.from('{"event":"message","payload":{"id":"A1"}}'),
  status: 'pending',
  receivedAt: Date.now(),
});

describe('claims on SQLite take only rows whose insert is on disk', () => {
  let dir: string;
  let database: AppDatabase;
  let walSync: HeldWalSync;
  let repository: KyselyInboxRepository;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'unsynced-rows-'));
    database = createDatabase({ kind: 'sqlite', path: join(dir, 'inbox.db') });
    const { error } = await migrateToLatest(database);
    if (error) throw error;
    walSync = new HeldWalSync(join(dir, 'inbox.db-wal'));
    const commits = new GroupCommit(database.db, { connection: database.sqlite!.connection, walSync });
    repository = new KyselyInboxRepository(database, commits);
  });
  afterEach(async () => {
    await walSync.close();
    await closeDatabase(database);
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves a committed but unsynced delivery (not acknowledged yet) until its sync has finished', async () => {
    await repository.insert(delivery('d1', '628120000001'), 60_000);
    const release = walSync.hold();
    const pending = repository.insert(delivery('d2', '628120000002'), 60_000);

    // The claim settles at its commit although the sync it shares with d2 is still held.
    const claimed = await repository.claim('worker-1', 10, 30_000);
    expect(claimed.map((record) => record.deliveryId)).toEqual(['d1']);

    release();
    await expect(pending).resolves.toEqual({ inserted: true });
    const next = await repository.claim('worker-1', 10, 30_000);
    expect(next.map((record) => record.deliveryId)).toEqual(['d2']);
  });

  it('does not hold claims back after an insert whose sync failed', async () => {
    walSync.held = Promise.reject(Object.assign(new Error('disk gone'), { code: 'EIO' }));
    walSync.held.catch(() => undefined);
    await expect(repository.insert(delivery('d1', '628120000001'), 60_000)).rejects.toThrow('disk gone');
    walSync.held = undefined;
    await repository.insert(delivery('d2', '628120000002'), 60_000);
    // d1's row was committed before the sync failed; no longer counted as unsynced, both are claimable.
    const claimed = await repository.claim('worker-1', 10, 30_000);
    expect(claimed.map((record) => record.deliveryId)).toEqual(['d1', 'd2']);
  });
});
