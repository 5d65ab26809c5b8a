import { DedupeStore } from './dedupe.store.js';

/** The default: no front store; the inbox's unique key (checked inside the commit) decides alone. */
export class DatabaseDedupeStore extends DedupeStore {
  readonly kind = 'database';

  async remember(): Promise<string | undefined> {
    return undefined;
  }

  async forget(): Promise<void> {}

  async ping(): Promise<void> {}
}
