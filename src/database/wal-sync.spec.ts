import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WalSync } from './wal-sync.js';

describe('WalSync (real file)', () => {
  let dir: string;
  let walSync: WalSync;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wal-sync-'));
    writeFileSync(join(dir, 'app.db-wal'), 'frames');
    walSync = new WalSync(join(dir, 'app.db-wal'));
  });
  afterEach(async () => {
    await walSync.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts a sync at once when none runs, and makes every caller that arrives meanwhile share the next one', async () => {
    const first = walSync.sync();
    const second = walSync.sync();
    const third = walSync.sync();
    // The running sync may have started before the later callers' commits: they wait for the one after it.
    expect(second).not.toBe(first);
    expect(third).toBe(second);
    await expect(Promise.all([first, second, third])).resolves.toEqual([undefined, undefined, undefined]);
    // Idle again: a new caller gets a sync of its own.
    const later = walSync.sync();
    expect(later).not.toBe(second);
    await later;
  });

  it('reports a file it cannot sync, and tries again on the next call', async () => {
    const missing = new WalSync(join(dir, 'missing', 'app.db-wal'));
    await expect(missing.sync()).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(missing.sync()).rejects.toMatchObject({ code: 'ENOENT' });
    await missing.close();
  });
});
