import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The gateway's documentation examples, shared beside the repository. */
export const SHARED_GOWA_DIR = resolve(process.cwd(), '../shared/gowa');
export const FIXTURES_DIR = join(SHARED_GOWA_DIR, 'fixtures');

export interface Fixture {
  readonly name: string;
  readonly body: Record<string, unknown>;
}

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.replace(/\.json$/, ''), body: JSON.parse(readFileSync(join(FIXTURES_DIR, file), 'utf8')) }));
}

export function loadFixture(prefix: string): Record<string, unknown> {
  const fixture = loadFixtures().find((f) => f.name.startsWith(prefix));
  if (!fixture) throw new Error(`No fixture starting with ${prefix}`);
  return structuredClone(fixture.body);
}
