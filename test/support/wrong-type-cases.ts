import { loadFixtures } from './fixtures.js';

/**
 * For one fixture of every gateway event kind (current envelope and legacy v7), every field at
 * every depth replaced with values of the wrong type. Deterministic, so each is a named test.
 */
export interface WrongTypeCase {
  readonly name: string;
  readonly body: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function wrongValues(value: Json): Json[] {
  if (typeof value === 'string') return [42, true, { s: value.length }, [value.length], ''];
  if (typeof value === 'number') return ['1', false, { n: 1 }, -1e308];
  if (typeof value === 'boolean') return ['true', 1, []];
  if (Array.isArray(value)) return ['[]', { 0: 'x' }, [[[]]]];
  if (value === null) return [{}, 'null'];
  return ['{}', [], 0];
}

function paths(value: Json, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Array.isArray(value) ? value.map((_, i) => String(i)).slice(0, 2) : Object.keys(value);
  return [...(prefix.length > 0 ? [prefix] : []), ...children.flatMap((key) => paths((value as Record<string, Json>)[key]!, [...prefix, key]))];
}

function replaced(body: Json, path: string[], value: Json): Json {
  const copy = structuredClone(body) as Record<string, Json>;
  let node: Record<string, Json> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, Json>;
  node[path.at(-1)!] = value;
  return copy;
}

function kindOf(fixtureName: string): string {
  return fixtureName.replace(/^\d+-/, '').split('--')[0]!;
}

export function wrongTypeCases(): WrongTypeCase[] {
  const seenKinds = new Set<string>();
  const cases: WrongTypeCase[] = [];
  for (const fixture of loadFixtures()) {
    const kind = kindOf(fixture.name);
    if (seenKinds.has(kind)) continue;
    seenKinds.add(kind);
    const body = fixture.body as Json;
    for (const path of paths(body)) {
      let original: Json = body;
      for (const key of path) original = (original as Record<string, Json>)[key]!;
      wrongValues(original).forEach((wrong, i) => {
        // A unique marker keeps every case's body (and so its dedupe key) distinct.
        const withWrong = replaced(body, path, wrong) as Record<string, Json>;
        cases.push({ name: `${fixture.name}: ${path.join('.')} = ${JSON.stringify(wrong)} (#${i + 1})`, body: JSON.stringify({ ...withWrong, zz_case: cases.length }) });
      });
    }
  }
  return cases;
}
