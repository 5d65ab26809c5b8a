import { WalSync } from '../../src/database/wal-sync.js';

/** A WAL sync that waits while `held` is set, as a slow disk would, and counts the syncs asked for. */
export class HeldWalSync extends WalSync {
  held?: Promise<void>;
  syncs = 0;

  override async sync(): Promise<void> {
    await this.held;
    this.syncs++;
    return super.sync();
  }

  /** Holds every sync from now on until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.held = new Promise((resolve) => (release = resolve));
    return release;
  }
}
