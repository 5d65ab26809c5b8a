/**
 * Inbox rows whose insert has committed but whose WAL sync has not finished yet (SQLite group
 * commit). The dispatcher's claims settle at commit, before the sync (`Durability`), so they
 * could otherwise lease a row that a power cut would still take back: one the gateway has no
 * answer for and will send again. Claims stop below the oldest such row instead.
 */
export class UnsyncedRows {
  private readonly ids = new Set<number>();

  add(id: number): void {
    this.ids.add(id);
  }

  delete(id: number): void {
    this.ids.delete(id);
  }

  /** Claims may take rows with an id below this: every row before the oldest unsynced one. */
  get claimableBelow(): number {
    let oldest = Number.MAX_SAFE_INTEGER;
    for (const id of this.ids) if (id < oldest) oldest = id;
    return oldest;
  }
}
